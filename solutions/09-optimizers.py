"""Reference solutions for 09-optimizers.

Generated from source/09-optimizers/09-optimizers.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import torch

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


def init_momentum_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The velocities v, one zero tensor per param, like it (shape, dtype, device)."""
    return [torch.zeros_like(p) for p in params]


def sgd_momentum(params: list[torch.Tensor], states: list[torch.Tensor],
                 hyperparams: dict) -> None:
    """Momentum, in place: v = momentum * v + grad; p -= lr * v (for every param)."""
    with torch.no_grad():
        for p, v in zip(params, states):
            v.mul_(hyperparams["momentum"]).add_(p.grad)  # the velocity, a leaky average
            p -= hyperparams["lr"] * v
            p.grad.zero_()


def init_adagrad_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The sums of squared gradients s, one zero tensor per param, like it."""
    return [torch.zeros_like(p) for p in params]


def adagrad(params: list[torch.Tensor], states: list[torch.Tensor], hyperparams: dict) -> None:
    """AdaGrad, in place: s += grad ** 2; p -= lr * grad / sqrt(s + eps), eps 1e-6 by default."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.add_(p.grad ** 2)  # every squared gradient so far, per coordinate
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
            p.grad.zero_()


def init_rmsprop_states(params: list[torch.Tensor]) -> list[torch.Tensor]:
    """The leaky averages of squared gradients s, one zero tensor per param, like it."""
    return [torch.zeros_like(p) for p in params]


def rmsprop(params: list[torch.Tensor], states: list[torch.Tensor], hyperparams: dict) -> None:
    """RMSProp, in place: s = gamma * s + (1 - gamma) * grad ** 2;
    p -= lr * grad / sqrt(s + eps), eps 1e-6 by default."""
    gamma, eps = hyperparams["gamma"], hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states):
            s.mul_(gamma).add_((1 - gamma) * p.grad ** 2)  # a leaky average, not a sum
            p -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
            p.grad.zero_()


def init_adam_states(params: list[torch.Tensor]) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """One pair (v, s) of zero tensors per param, like it: two separate tensors each."""
    return [(torch.zeros_like(p), torch.zeros_like(p)) for p in params]


def adam(params: list[torch.Tensor], states: list[tuple[torch.Tensor, torch.Tensor]],
         hyperparams: dict) -> None:
    """Adam, in place: t += 1; v = beta1 v + (1 - beta1) g; s = beta2 s + (1 - beta2) g**2;
    p -= lr * v_hat / (sqrt(s_hat) + eps), v_hat = v / (1 - beta1**t), s_hat = s / (1 - beta2**t).
    """
    hyperparams["t"] += 1
    t = hyperparams["t"]
    beta1, beta2, eps = hyperparams["beta1"], hyperparams["beta2"], hyperparams["eps"]
    with torch.no_grad():
        for p, (v, s) in zip(params, states):
            v.mul_(beta1).add_((1 - beta1) * p.grad)
            s.mul_(beta2).add_((1 - beta2) * p.grad ** 2)
            v_hat = v / (1 - beta1 ** t)  # bias correction: new tensors, the states stay
            s_hat = s / (1 - beta2 ** t)
            p -= hyperparams["lr"] * v_hat / (torch.sqrt(s_hat) + eps)
            p.grad.zero_()
