# Mistake: uses torch.optim.RMSprop (imported by name), putting our states in as its square averages.
# Expect: uses the library's own version
from torch.optim import RMSprop


def rmsprop(params, states, hyperparams):
    """RMSProp, in place."""
    optimizer = RMSprop(params, lr=hyperparams["lr"], alpha=hyperparams["gamma"],
                        eps=hyperparams.get("eps", 1e-6))
    for p, s in zip(params, states):
        optimizer.state[p] = {"step": torch.tensor(0.0), "square_avg": s}
    optimizer.step()
