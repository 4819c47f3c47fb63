# Alternative: a loop that names v and s before pairing them
import torch


def init_adam_states(params: list[torch.Tensor]) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """One pair (v, s) of zero tensors per param, like it: two separate tensors each."""
    states = []
    for p in params:
        v = torch.zeros_like(p)
        s = torch.zeros_like(p)
        states.append((v, s))
    return states
