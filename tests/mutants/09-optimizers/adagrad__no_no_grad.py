# Mistake: updates the params in place without torch.no_grad(), which autograd refuses for a leaf that requires grad.
# Expect: leaf
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    eps = hyperparams.get("eps", 1e-6)
    for p, s in zip(params, states):
        s += p.grad ** 2
        p.sub_(hyperparams["lr"] * p.grad / torch.sqrt(s + eps))
