# Mistake: s = gamma * s + grad ** 2, without (1 - gamma): s grows to ten times the mean square.
# Expect: (1 - gamma)
def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.mul_(gamma).add_(p.grad ** 2)
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
