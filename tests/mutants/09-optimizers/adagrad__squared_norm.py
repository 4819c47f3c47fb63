# Mistake: accumulates the squared norm of the whole gradient, one learning rate for all coordinates, not one per coordinate.
# Expect: element by element
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s += (p.grad ** 2).sum()
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
