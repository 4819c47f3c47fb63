# Mistake: puts detached new tensors in the list: they no longer require grad, and the caller's params never change.
# Expect: expected a leaf that requires grad
def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    for i, (p, s) in enumerate(zip(params, states)):
        with torch.no_grad():
            s.mul_(gamma).add_((1 - gamma) * p.grad ** 2)
        params[i] = (p - hyperparams["lr"] * p.grad / torch.sqrt(s + eps)).detach()
