# Mistake: returns a 0-d tensor instead of a Python float.
# Expect: expected a Python float
def accuracy(y_hat, y):
    """Fraction of rows whose argmax equals the label."""
    return (y_hat.argmax(dim=1) == y).float().mean()
