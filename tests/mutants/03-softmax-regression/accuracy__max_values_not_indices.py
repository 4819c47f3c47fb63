# Mistake: compares the labels with y_hat.max(dim=1)[0], the largest probabilities, instead of their indices (argmax).
# Expect: argmax
def accuracy(y_hat, y):
    """Fraction of rows whose argmax equals the label."""
    y_pred = y_hat.max(dim=1)[0]
    return (y_pred == y).float().mean().item()
