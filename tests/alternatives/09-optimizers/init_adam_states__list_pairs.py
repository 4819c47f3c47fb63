# Alternative: each pair a two-element list, the zeros made with new_zeros
import torch


def init_adam_states(params: list[torch.Tensor]) -> list:
    """One pair [v, s] of zero tensors per param, like it: two separate tensors each."""
    return [[p.new_zeros(p.shape), p.new_zeros(p.shape)] for p in params]
