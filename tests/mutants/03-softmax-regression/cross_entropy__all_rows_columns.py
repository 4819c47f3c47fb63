# Mistake: indexes y_hat[:, y], which takes every row at every label's column, an (n, n) matrix.
# Expect: shape (5, 5)
# Expect: y_hat[range(n), y]
def cross_entropy(y_hat, y):
    """Per-example cross-entropy."""
    return -torch.log(y_hat[:, y])
