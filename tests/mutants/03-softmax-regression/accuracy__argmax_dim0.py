# Mistake: takes argmax over dim 0 (down each column) instead of over the classes of each row.
# Expect: dim 1
def accuracy(y_hat, y):
    """Fraction of rows whose argmax equals the label."""
    y_pred = y_hat.argmax(dim=0)
    return (y_pred == y).sum().item() / len(y)
