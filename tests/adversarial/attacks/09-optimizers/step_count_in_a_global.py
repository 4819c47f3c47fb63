# ruff: noqa
# Attack: keep Adam's step counter in a global instead of hyperparams["t"], and never touch the dict
# Cell: adam
# Earns: 0.34
# Expect: hyperparams['t'] is 0, expected 1
import torch

_t = [0]


def adam(params, states, hyperparams):
    """Wrong: its own t, counting every call ever made, in every problem."""
    _t[0] += 1
    t = _t[0]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    with torch.no_grad():
        for p, (v, s) in zip(params, states):
            v.mul_(beta1).add_((1 - beta1) * p.grad)
            s.mul_(beta2).add_((1 - beta2) * p.grad ** 2)
            p -= hyperparams["lr"] * (v / (1 - beta1 ** t)) / ((s / (1 - beta2 ** t)).sqrt() + eps)
