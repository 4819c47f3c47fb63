# Mistake: picks the true-class probabilities with gather(1, y.view(-1, 1)) and returns the (n, 1) column without squeezing it.
# Expect: shape (5, 1)
# Expect: not (n, 1)
def cross_entropy(y_hat, y):
    """Per-example cross-entropy."""
    return -torch.log(y_hat.gather(1, y.view(-1, 1)))
