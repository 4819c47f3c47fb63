# Mistake: returns from inside the loop, so only the first parameter is updated.
# Expect: every parameter in the list
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            return None
