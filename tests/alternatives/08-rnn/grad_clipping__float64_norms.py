# Alternative: the norm from per-parameter norms in float64, scaling through .grad.data
import torch
from torch import nn


def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = list(params.parameters())
    else:
        params = list(params)
    norms = [p.grad.detach().double().norm() for p in params if p.grad is not None]
    norm = float(torch.stack(norms).norm()) if norms else 0.0
    if norm > theta:
        for p in params:
            if p.grad is not None:
                p.grad.data.mul_(theta / norm)
    return norm
