# Mistake: the update forgets to divide by batch_size, so steps are batch_size times too large.
# Expect: / batch_size
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad
