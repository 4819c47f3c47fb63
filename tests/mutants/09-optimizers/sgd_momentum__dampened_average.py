# Mistake: averages with weights (momentum, 1 - momentum), as Adam does, instead of v = momentum * v + grad.
# Expect: v = momentum * v + grad
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    momentum = hyperparams["momentum"]
    with torch.no_grad():
        for p, v in zip(params, states):
            v.mul_(momentum).add_((1 - momentum) * p.grad)
            p -= hyperparams["lr"] * v
