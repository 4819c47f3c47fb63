# Alternative: torch.where on the uniform draws, the scaled copy computed first
import torch


def dropout_layer(X: torch.Tensor, p: float) -> torch.Tensor:
    """Inverted dropout: zero each element with probability p, scale the rest by 1 / (1 - p)."""
    if p == 1:
        return X * 0.0
    scaled = X / (1 - p)
    return torch.where(torch.rand_like(X) < p, torch.zeros_like(X), scaled)
