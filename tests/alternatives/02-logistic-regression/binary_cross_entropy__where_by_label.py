# Alternative: torch.where picks -log(p) or -log(1 - p) by the label; torch.clamp as a function
import torch


def binary_cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy of probabilities y_hat against labels y (same shape)."""
    p = torch.clamp(y_hat, min=1e-7, max=1 - 1e-7)
    return torch.where(y == 1, -torch.log(p), -torch.log(1 - p)).mean()
