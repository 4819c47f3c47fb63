# Mistake: forgets the factor 1/2: returns (y_hat - y) ** 2.
# Expect: ** 2 / 2
def squared_loss(y_hat, y):
    """Per-example squared loss, not reduced."""
    return (y_hat - y.reshape(y_hat.shape)) ** 2
