# Alternative: p.new_zeros(p.shape), which takes dtype and device from p
import torch


def init_adagrad_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The sums of squared gradients s, one zero tensor per param, like it."""
    return [p.new_zeros(p.shape) for p in params]
