# Alternative: torch.rsqrt, and eps from a keyword default through a helper
import torch


def _step(p: torch.Tensor, s: torch.Tensor, lr: float, eps: float = 1e-6) -> None:
    s += p.grad * p.grad
    p -= lr * p.grad * torch.rsqrt(s + eps)


def adagrad(params: list[torch.Tensor], states: list[torch.Tensor], hyperparams: dict) -> None:
    """AdaGrad, in place: s += grad ** 2; p -= lr * grad / sqrt(s + eps), eps 1e-6 by default."""
    extra = {"eps": hyperparams["eps"]} if "eps" in hyperparams else {}
    with torch.no_grad():
        for p, s in zip(params, states, strict=True):
            _step(p, s, hyperparams["lr"], **extra)
