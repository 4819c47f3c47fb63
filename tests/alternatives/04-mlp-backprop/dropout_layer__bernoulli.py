# Alternative: the keep mask drawn with torch.bernoulli at probability 1 - p
import torch


def dropout_layer(X: torch.Tensor, p: float) -> torch.Tensor:
    """Inverted dropout: zero each element with probability p, scale the rest by 1 / (1 - p)."""
    if p >= 1:
        return torch.zeros_like(X)
    keep = torch.bernoulli(torch.full_like(X, 1 - p))
    return keep * X / (1 - p)
