# Mistake: updates the params without torch.no_grad(), which autograd refuses for a leaf that requires grad.
# Expect: leaf
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    for p, v in zip(params, states):
        v.mul_(hyperparams["momentum"]).add_(p.grad)
        p -= hyperparams["lr"] * v
