# Mistake: eps defaults to 0 instead of 1e-6.
# Expect: without 'eps' in hyperparams
def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 0.0)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.mul_(gamma).add_((1 - gamma) * p.grad ** 2)
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
