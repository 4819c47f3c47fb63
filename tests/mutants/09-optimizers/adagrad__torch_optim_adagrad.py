# Mistake: uses torch.optim.Adagrad, a new one every call (its sums start again from zero each time).
# Expect: uses the library's own version
def adagrad(params, states, hyperparams):
    """AdaGrad, in place."""
    torch.optim.Adagrad(params, lr=hyperparams["lr"], eps=hyperparams.get("eps", 1e-6)).step()
