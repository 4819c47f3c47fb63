# Mistake: puts a new (v, s) pair in the list instead of updating v and s in place.
# Expect: replaced instead of updated in place
def adam(params, states, hyperparams):
    """Adam, in place."""
    hyperparams["t"] += 1
    t = hyperparams["t"]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    with torch.no_grad():
        for i, p in enumerate(params):
            v, s = states[i]
            v = beta1 * v + (1 - beta1) * p.grad
            s = beta2 * s + (1 - beta2) * p.grad ** 2
            states[i] = (v, s)
            p -= hyperparams["lr"] * (v / (1 - beta1 ** t)) / (torch.sqrt(s / (1 - beta2 ** t)) + eps)
