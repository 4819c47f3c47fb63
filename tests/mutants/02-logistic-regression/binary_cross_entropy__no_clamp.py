# Mistake: takes the logs without clamping, so a probability of exactly 0 or 1 gives log(0) and nan.
# Expect: finite
# Expect: clamp y_hat
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    return -(y * torch.log(y_hat) + (1 - y) * torch.log(1 - y_hat)).mean()
