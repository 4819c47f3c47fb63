# Alternative: 2 sigmoid(2x) - 1, with torch.sigmoid (allowed here), which never overflows
import torch


def tanh(x: torch.Tensor) -> torch.Tensor:
    """The hyperbolic tangent element by element, finite for every finite x; x unchanged."""
    return 2 * torch.sigmoid(2 * x) - 1
