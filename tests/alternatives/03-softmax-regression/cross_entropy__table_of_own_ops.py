# Alternative: looks its operations up in a table of its own named ops (a name, not torch.ops)
import torch

ops = {"log": torch.log, "pick": lambda y_hat, y: y_hat[torch.arange(len(y)), y]}


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Cross-entropy of each example: -log of the probability of its true class."""
    return -ops["log"](ops["pick"](y_hat, y))
