# Alternative: p.data and v[...] instead of torch.no_grad(), the gradient left in place
import torch


def sgd_momentum(params: list[torch.Tensor], states: list[torch.Tensor],
                 hyperparams: dict) -> None:
    """Momentum, in place: v = momentum * v + grad; p -= lr * v (for every param)."""
    for p, v in zip(params, states, strict=True):
        v[...] = hyperparams["momentum"] * v + p.grad.data
        p.data = p.data - hyperparams["lr"] * v
