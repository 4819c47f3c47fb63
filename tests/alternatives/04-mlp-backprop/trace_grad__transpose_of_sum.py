# Alternative: the transpose of a sum, (B X A + A X B).T, which is the same two terms
import torch


def trace_grad(A: torch.Tensor, X: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """The gradient of trace(A @ X @ B @ X) with respect to X, in closed form."""
    return (B @ X @ A + A @ X @ B).T
