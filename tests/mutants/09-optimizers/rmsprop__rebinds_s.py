# Mistake: s = gamma * s + ... rebinds the name only: the state stays zero and every step starts the average again.
# Expect: differs from the expected values
def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s = gamma * s + (1 - gamma) * p.grad ** 2
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
