# Mistake: builds a torch.optim.Adam each call and copies our (v, s) into its state.
# Expect: uses the library's own version
def adam(params, states, hyperparams):
    """Adam, in place."""
    optimizer = torch.optim.Adam(params, lr=hyperparams["lr"],
                                 betas=(hyperparams["beta1"], hyperparams["beta2"]),
                                 eps=hyperparams["eps"])
    for p, (v, s) in zip(params, states):
        optimizer.state[p] = {"step": torch.tensor(float(hyperparams["t"])),
                              "exp_avg": v, "exp_avg_sq": s}
    optimizer.step()
    hyperparams["t"] += 1
