# Alternative: torch.full_like(p, 0.0) on a list built with map
import torch


def init_adagrad_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The sums of squared gradients s, one zero tensor per param, like it."""
    return list(map(lambda p: torch.full_like(p, 0.0), params))
