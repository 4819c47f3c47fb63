# ruff: noqa
# Attack: ignore the states it is given and keep its own velocities between calls, by position, in a module-level dict
# Cell: sgd_momentum
# Earns: 0.67
# Expect: Update the states in place
import torch

_velocity = {}


def sgd_momentum(params, states, hyperparams):
    """Wrong: its velocity lives here, carried from one problem to the next."""
    with torch.no_grad():
        for i, p in enumerate(params):
            v = _velocity.get(i)
            v = p.grad.clone() if v is None or v.shape != p.shape else \
                hyperparams["momentum"] * v + p.grad
            _velocity[i] = v
            p -= hyperparams["lr"] * v
