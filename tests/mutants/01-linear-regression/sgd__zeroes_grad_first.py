# Mistake: zeroes the gradient before using it, so the update subtracts nothing.
# Expect: lr * its grad / batch_size
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    with torch.no_grad():
        for param in params:
            param.grad.zero_()
            param -= lr * param.grad / batch_size
