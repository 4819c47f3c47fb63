# Mistake: v = momentum * v + grad only rebinds the loop's name: the state never changes, so every step forgets the past.
# Expect: differs from the expected values
# Expect: v = momentum * v + grad
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    with torch.no_grad():
        for p, v in zip(params, states):
            v = hyperparams["momentum"] * v + p.grad
            p -= hyperparams["lr"] * v
