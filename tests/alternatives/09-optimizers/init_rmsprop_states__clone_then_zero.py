# Alternative: a clone of the param, zeroed in place (a copy, so the param is untouched)
import torch


def init_rmsprop_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The leaky averages of squared gradients s, one zero tensor per param, like it."""
    return [p.detach().clone().zero_() for p in params]
