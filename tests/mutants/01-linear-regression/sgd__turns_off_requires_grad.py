# Mistake: silences autograd's in-place error by setting requires_grad to False, so the parameters stop learning.
# Expect: requires_grad=False
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    for param in params:
        param.requires_grad_(False)
        param -= lr * param.grad / batch_size
