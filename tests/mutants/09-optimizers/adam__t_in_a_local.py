# Mistake: increments a local copy of t (t = hyperparams["t"] + 1), so every call is the first.
# Expect: in the dict itself
def adam(params, states, hyperparams):
    """Adam, in place."""
    t = hyperparams["t"] + 1
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    with torch.no_grad():
        for p, (v, s) in zip(params, states):
            v.mul_(beta1).add_((1 - beta1) * p.grad)
            s.mul_(beta2).add_((1 - beta2) * p.grad ** 2)
            v_hat, s_hat = v / (1 - beta1 ** t), s / (1 - beta2 ** t)
            p -= hyperparams["lr"] * v_hat / (torch.sqrt(s_hat) + eps)
