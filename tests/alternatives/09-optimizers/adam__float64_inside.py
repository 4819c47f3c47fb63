# Alternative: every quantity in float64, copied back into the states and params
import torch


def adam(params: list[torch.Tensor], states: list[tuple[torch.Tensor, torch.Tensor]],
         hyperparams: dict) -> None:
    """Adam, in place, computed in float64."""
    hyperparams["t"] += 1
    t, lr = hyperparams["t"], hyperparams["lr"]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    for p, (v, s) in zip(params, states, strict=True):
        g = p.grad.double()
        v64 = beta1 * v.double() + (1 - beta1) * g
        s64 = beta2 * s.double() + (1 - beta2) * g * g
        v.copy_(v64)
        s.copy_(s64)
        update = lr * (v64 / (1 - beta1 ** t)) / ((s64 / (1 - beta2 ** t)).sqrt() + eps)
        with torch.no_grad():
            p.copy_(p.double() - update)
