# Alternative: torch.arange indexing, the log taken in float64 and cast back
import torch


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Cross-entropy loss of every example, not reduced."""
    picked = y_hat[torch.arange(y_hat.shape[0]), y]  # (n,)
    return picked.double().log().neg().to(y_hat.dtype)
