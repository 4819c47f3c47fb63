# Alternative: the leaky average as torch.lerp towards grad ** 2, in place
import torch


def rmsprop(params: list[torch.Tensor], states: list[torch.Tensor], hyperparams: dict) -> None:
    """RMSProp, in place: s = gamma * s + (1 - gamma) * grad ** 2;
    p -= lr * grad / sqrt(s + eps), eps 1e-6 by default."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states, strict=True):
            s.lerp_(p.grad.square(), 1 - gamma)
            p.sub_(hyperparams["lr"] * p.grad / (s + eps).sqrt())
