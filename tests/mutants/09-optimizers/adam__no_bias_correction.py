# Mistake: steps with v and s themselves, without dividing by 1 - beta ** t.
# Expect: v_hat = v / (1 - beta1 ** t)
def adam(params, states, hyperparams):
    """Adam, in place."""
    hyperparams["t"] += 1
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    with torch.no_grad():
        for p, (v, s) in zip(params, states):
            v.mul_(beta1).add_((1 - beta1) * p.grad)
            s.mul_(beta2).add_((1 - beta2) * p.grad ** 2)
            p -= hyperparams["lr"] * v / (torch.sqrt(s) + eps)
