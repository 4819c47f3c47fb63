# Alternative: zero times a detached copy, built in a loop
import torch


def init_momentum_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The velocities v, one zero tensor per param, like it (shape, dtype, device)."""
    states = []
    for p in params:
        states.append(p.detach() * 0)
    return states
