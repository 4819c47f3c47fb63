# Mistake: computes the new params outside torch.no_grad() and puts them in the list: autograd records the step, and the caller's params never change.
# Expect: grad_fn
def adam(params, states, hyperparams):
    """Adam, in place."""
    hyperparams["t"] += 1
    t = hyperparams["t"]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    for i, (p, (v, s)) in enumerate(zip(params, states)):
        with torch.no_grad():
            v.mul_(beta1).add_((1 - beta1) * p.grad)
            s.mul_(beta2).add_((1 - beta2) * p.grad ** 2)
        params[i] = p - hyperparams["lr"] * (v / (1 - beta1 ** t)) / (torch.sqrt(s / (1 - beta2 ** t)) + eps)
