# Alternative: each update computed in float64, then copied back in the params' dtype
import torch


def sgd_momentum(params: list[torch.Tensor], states: list[torch.Tensor],
                 hyperparams: dict) -> None:
    """Momentum, in place: v = momentum * v + grad; p -= lr * v (for every param)."""
    lr, momentum = hyperparams["lr"], hyperparams["momentum"]
    with torch.no_grad():
        for p, v in zip(params, states, strict=True):
            v64 = momentum * v.double() + p.grad.double()
            v.copy_(v64)
            p.copy_(p.double() - lr * v64)
            p.grad = None
