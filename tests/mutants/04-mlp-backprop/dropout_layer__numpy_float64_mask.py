# Mistake: draws the mask with numpy (a float64 array, already divided by 1 - p), so the result is promoted to float64.
# Expect: dtype torch.float64, expected torch.float32
import numpy as np


def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    mask = np.random.binomial(1, 1 - p, size=tuple(X.shape)) / (1 - p)
    return torch.from_numpy(mask) * X
