# Mistake: clamps with eps = 1e-12, but in float32 1 - 1e-12 rounds to 1, so log(1 - y_hat) is still log(0).
# Expect: finite
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    eps = 1e-12
    y_hat = y_hat.clamp(eps, 1 - eps)
    return -(y * torch.log(y_hat) + (1 - y) * torch.log(1 - y_hat)).mean()
