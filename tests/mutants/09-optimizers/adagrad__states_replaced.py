# Mistake: puts a new sum tensor in the list instead of updating the state in place.
# Expect: replaced instead of updated in place
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for i, p in enumerate(params):
            states[i] = states[i] + p.grad ** 2
            p -= hyperparams["lr"] * p.grad / torch.sqrt(states[i] + eps)
