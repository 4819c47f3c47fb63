# Mistake: averages the losses into one scalar instead of returning one loss per example.
# Expect: shape ()
# Expect: not reduced
def squared_loss(y_hat, y):
    """Per-example squared loss, not reduced."""
    return ((y_hat - y.reshape(y_hat.shape)) ** 2 / 2).mean()
