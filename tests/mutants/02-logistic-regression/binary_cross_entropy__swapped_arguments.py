# Mistake: swaps the roles of y_hat and y, taking logs of the labels (log 0 = -inf).
# Expect: inf or nan
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    y = y.clamp(0, 1)
    return -(y_hat * torch.log(y) + (1 - y_hat) * torch.log(1 - y)).mean()
