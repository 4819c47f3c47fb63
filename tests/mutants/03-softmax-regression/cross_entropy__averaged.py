# Mistake: averages the losses into one scalar instead of returning one loss per example.
# Expect: shape ()
# Expect: not a mean
def cross_entropy(y_hat, y):
    """Per-example cross-entropy."""
    return -torch.log(y_hat[range(len(y_hat)), y]).mean()
