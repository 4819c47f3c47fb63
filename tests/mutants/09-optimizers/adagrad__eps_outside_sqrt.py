# Mistake: adds eps after the square root (torch.optim.Adagrad's choice), not inside it as asked.
# Expect: without 'eps' in hyperparams
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s += p.grad ** 2
            p -= hyperparams["lr"] * p.grad / (torch.sqrt(s) + eps)
