# Alternative: log1p(-p) for log(1 - p), the sum divided by the number of elements
import torch


def binary_cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy of probabilities y_hat against labels y (same shape)."""
    eps = 1e-7
    p = y_hat.clamp(eps, 1 - eps)
    total = -(y * torch.log(p) + (1 - y) * torch.log1p(-p)).sum()
    return total / y.numel()
