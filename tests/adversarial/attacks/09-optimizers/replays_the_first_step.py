# ruff: noqa
# Attack: compute the first step of each param, cache it by position and shape, and replay it on every later call
# Cell: adagrad
# Earns: 0.8
# Expect: differs from the expected values
import torch

_steps = {}


def adagrad(params, states, hyperparams):
    """Wrong after the first call: the same step again and again, the state untouched."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for i, p in enumerate(params):
            key = (i, tuple(p.shape))
            if key not in _steps:
                _steps[key] = hyperparams["lr"] * p.grad / torch.sqrt(p.grad ** 2 + eps)
            p -= _steps[key]
