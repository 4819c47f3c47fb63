# Alternative: one fused torch.addmm(b, X, w), the bias broadcast by the library
import torch


def linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The linear regression model: X @ w + b."""
    return torch.addmm(b, X, w)
