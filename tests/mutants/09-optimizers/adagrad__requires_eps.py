# Mistake: reads hyperparams["eps"], which fails when eps is not given (its default is 1e-6).
# Expect: KeyError
# Expect: hyperparams.get("eps", 1e-6)
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    with torch.no_grad():
        for p, s in zip(params, states):
            s += p.grad ** 2
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + hyperparams["eps"])
