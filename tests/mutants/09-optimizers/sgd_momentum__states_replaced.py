# Mistake: puts a new velocity tensor in the list instead of updating the state in place.
# Expect: replaced instead of updated in place
def sgd_momentum(params, states, hyperparams):
    """Momentum, in place."""
    with torch.no_grad():
        for i, p in enumerate(params):
            states[i] = hyperparams["momentum"] * states[i] + p.grad
            p -= hyperparams["lr"] * states[i]
