# Alternative: the loss in float64 (the clamp too), cast back to y_hat's dtype at the end
import torch


def binary_cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy of probabilities y_hat against labels y (same shape)."""
    eps = 1e-7
    p = y_hat.double().clamp(eps, 1 - eps)
    labels = y.double()
    losses = -(labels * p.log() + (1 - labels) * (1 - p).log())
    return losses.mean().to(y_hat.dtype)
