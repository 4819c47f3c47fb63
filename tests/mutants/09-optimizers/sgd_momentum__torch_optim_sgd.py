# Mistake: hands the step to torch.optim.SGD, giving it our velocities as its momentum buffers.
# Expect: uses the library's own version
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    optimizer = torch.optim.SGD(params, lr=hyperparams["lr"], momentum=hyperparams["momentum"])
    for p, v in zip(params, states):
        optimizer.state[p]["momentum_buffer"] = v
    optimizer.step()
