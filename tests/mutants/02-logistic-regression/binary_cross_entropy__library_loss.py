# Mistake: calls the library's loss (F.binary_cross_entropy) instead of writing it.
# Expect: uses the library's own version
import torch.nn.functional as F


def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    return F.binary_cross_entropy(y_hat.clamp(1e-7, 1 - 1e-7), y)
