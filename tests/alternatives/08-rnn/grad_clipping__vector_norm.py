# Alternative: torch.linalg.vector_norm of all gradients flattened into one vector, *= to scale
import torch
from torch import nn


def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    params = list(params.parameters() if isinstance(params, nn.Module) else params)
    with_grad = [p for p in params if p.grad is not None]
    if not with_grad:
        return 0.0
    flat = torch.cat([p.grad.detach().reshape(-1) for p in with_grad])
    norm = torch.linalg.vector_norm(flat).item()
    if norm > theta:
        with torch.no_grad():
            for p in with_grad:
                p.grad *= theta / norm
    return norm
