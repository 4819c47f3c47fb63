# Mistake: swaps the weights: s = (1 - gamma) * s + gamma * grad ** 2, which forgets the past at once.
# Expect: gamma weights the old s
def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.mul_(1 - gamma).add_(gamma * p.grad ** 2)
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
