# Mistake: updates in place without torch.no_grad(), which autograd refuses for a leaf that requires grad.
# Expect: torch.no_grad()
# Expect: in-place operation
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    for param in params:
        param -= lr * param.grad / batch_size
