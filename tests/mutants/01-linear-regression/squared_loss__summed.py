# Mistake: sums the losses inside the loss function (the training loop calls .sum() itself).
# Expect: not reduced
def squared_loss(y_hat, y):
    """Per-example squared loss, not reduced."""
    return torch.sum((y_hat - y.view(y_hat.size())) ** 2 / 2)
