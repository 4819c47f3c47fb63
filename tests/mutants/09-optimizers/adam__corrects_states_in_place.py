# Mistake: applies the bias correction to the states themselves (v /= 1 - beta1 ** t), corrupting them for the next call.
# Expect: differs from the expected values
def adam(params, states, hyperparams):
    """Adam, in place."""
    hyperparams["t"] += 1
    t = hyperparams["t"]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    with torch.no_grad():
        for p, (v, s) in zip(params, states):
            v.mul_(beta1).add_((1 - beta1) * p.grad)
            s.mul_(beta2).add_((1 - beta2) * p.grad ** 2)
            v /= 1 - beta1 ** t
            s /= 1 - beta2 ** t
            p -= hyperparams["lr"] * v / (torch.sqrt(s) + eps)
