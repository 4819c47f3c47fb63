# Mistake: puts lr inside the average (v = momentum * v + lr * grad; p -= v): the state is not v, and a change of lr between calls gives wrong steps.
# Expect: lr is not part of v
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    with torch.no_grad():
        for p, v in zip(params, states):
            v.mul_(hyperparams["momentum"]).add_(hyperparams["lr"] * p.grad)
            p -= v
