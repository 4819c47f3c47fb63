# Alternative: s[...] = ... and p.data.sub_, the formula written out term by term
import torch


def rmsprop(params: list[torch.Tensor], states: list[torch.Tensor], hyperparams: dict) -> None:
    """RMSProp, in place: s = gamma * s + (1 - gamma) * grad ** 2;
    p -= lr * grad / sqrt(s + eps), eps 1e-6 by default."""
    gamma = hyperparams["gamma"]
    eps = hyperparams["eps"] if "eps" in hyperparams else 1e-6
    for p, s in zip(params, states, strict=True):
        g = p.grad.detach()
        s[...] = gamma * s + (1 - gamma) * g * g
        p.data.sub_(hyperparams["lr"] * g / torch.sqrt(s + eps))
