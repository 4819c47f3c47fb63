# Alternative: a copy of x, its negative entries set to 0 in place (the copy, not x)
import torch


def relu(x: torch.Tensor) -> torch.Tensor:
    """max(x, 0) element by element; a new tensor of x's shape and dtype, x unchanged."""
    y = x.clone()
    y[y < 0] = 0
    return y
