# Mistake: writes param = param - ..., which only rebinds the loop variable and leaves the parameters unchanged.
# Expect: only rebinds a local name
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    with torch.no_grad():
        for param in params:
            param = param - lr * param.grad / batch_size
