# Alternative: torch.zeros with the param's shape, dtype and device spelled out
import torch


def init_momentum_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The velocities v, one zero tensor per param, like it (shape, dtype, device)."""
    return [torch.zeros(p.shape, dtype=p.dtype, device=p.device) for p in params]
