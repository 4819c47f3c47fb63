# Alternative: exp(-log(1 + exp(-x))), through log1p, in float64 and cast back
import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The logistic function 1 / (1 + exp(-x)), element by element."""
    wide = x.double()
    return torch.exp(-torch.log1p(torch.exp(-wide))).to(x.dtype)
