# Mistake: sums the losses instead of averaging them, so the loss grows with the batch size.
# Expect: differs from the expected values
# Expect: the mean
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    y_hat = y_hat.clamp(1e-7, 1 - 1e-7)
    return -(y * torch.log(y_hat) + (1 - y) * torch.log(1 - y_hat)).sum()
