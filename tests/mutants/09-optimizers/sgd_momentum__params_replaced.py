# Mistake: puts new parameter tensors in the list instead of updating the params in place.
# Expect: no longer the tensor it was given
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    with torch.no_grad():
        for i, (p, v) in enumerate(zip(params, states)):
            v.mul_(hyperparams["momentum"]).add_(p.grad)
            params[i] = p - hyperparams["lr"] * v
