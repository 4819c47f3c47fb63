# Mistake: replaces the list's entries with new tensors (params[i] = ...), so the caller's parameters never change.
# Expect: param -= ...
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    for i in range(len(params)):
        params[i] = params[i] - lr * params[i].grad / batch_size
