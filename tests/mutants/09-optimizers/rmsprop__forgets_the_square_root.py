# Mistake: divides by s + eps instead of its square root.
# Expect: sqrt(s + eps)
def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.mul_(gamma).add_((1 - gamma) * p.grad ** 2)
            p -= hyperparams["lr"] * p.grad / (s + eps)
