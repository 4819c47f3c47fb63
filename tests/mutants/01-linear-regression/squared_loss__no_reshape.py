# Mistake: subtracts y without reshaping it to y_hat's shape, so (n, 1) - (n,) broadcasts to (n, n).
# Expect: shape (3, 3)
# Expect: reshape
def squared_loss(y_hat, y):
    """Per-example squared loss, not reduced."""
    return (y_hat - y) ** 2 / 2
