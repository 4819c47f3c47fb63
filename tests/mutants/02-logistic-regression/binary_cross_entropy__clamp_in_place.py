# Mistake: clamps y_hat in place (clamp_), changing the caller's probabilities.
# Expect: y_hat after calling binary_cross_entropy
def binary_cross_entropy(y_hat, y):
    """Mean binary cross-entropy."""
    y_hat.clamp_(1e-7, 1 - 1e-7)
    return -(y * torch.log(y_hat) + (1 - y) * torch.log(1 - y_hat)).mean()
