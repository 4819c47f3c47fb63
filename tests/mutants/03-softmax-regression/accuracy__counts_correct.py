# Mistake: returns the number of correct rows instead of the fraction.
# Expect: fraction
def accuracy(y_hat, y):
    """Fraction of rows whose argmax equals the label."""
    y_pred = y_hat.argmax(dim=1)
    return float((y_pred == y).sum())
