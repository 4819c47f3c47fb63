# Alternative: zeros_like of the detached param, with requires_grad stated
import torch


def init_rmsprop_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The leaky averages of squared gradients s, one zero tensor per param, like it."""
    return [torch.zeros_like(p.detach(), requires_grad=False) for p in params]
