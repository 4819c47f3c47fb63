# Alternative: torch.optim.Adam's arrangement, the bias corrections folded into the step size
import math

import torch


def adam(params: list[torch.Tensor], states: list[tuple[torch.Tensor, torch.Tensor]],
         hyperparams: dict) -> None:
    """Adam, in place, with the bias corrections folded into the step size."""
    hyperparams["t"] = hyperparams["t"] + 1
    t = hyperparams["t"]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    step_size = hyperparams["lr"] / (1 - beta1 ** t)
    root_correction = math.sqrt(1 - beta2 ** t)
    with torch.no_grad():
        for p, (v, s) in zip(params, states, strict=True):
            v.lerp_(p.grad, 1 - beta1)
            s.mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
            denominator = s.sqrt() / root_correction + eps
            p.addcdiv_(v, denominator, value=-step_size)
