# Mistake: averages over dim 0 only, so a (n, 1) input gives a loss of shape (1,), not a scalar.
# Expect: shape
# Expect: scalar tensor of shape ()
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    y_hat = y_hat.clamp(1e-7, 1 - 1e-7)
    return -(y * torch.log(y_hat) + (1 - y) * torch.log(1 - y_hat)).mean(dim=0)
