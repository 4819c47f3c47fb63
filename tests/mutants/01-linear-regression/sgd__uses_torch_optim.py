# Mistake: delegates the step to torch.optim.SGD instead of writing the update by hand.
# Expect: uses the library's own version
# Expect: optim
def sgd(params, lr, batch_size):
    """Minibatch SGD, in place, not recorded by autograd."""
    optimizer = torch.optim.SGD(params, lr=lr / batch_size)
    optimizer.step()
