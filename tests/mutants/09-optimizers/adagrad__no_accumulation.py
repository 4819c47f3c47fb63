# Mistake: sets s to this step's squared gradient instead of adding it to the sum of all of them.
# Expect: s accumulates
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.copy_(p.grad ** 2)
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
