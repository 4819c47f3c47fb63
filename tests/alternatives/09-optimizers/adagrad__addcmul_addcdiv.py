# Alternative: the fused in-place ops addcmul_ and addcdiv_
import torch


def adagrad(params: list[torch.Tensor], states: list[torch.Tensor], hyperparams: dict) -> None:
    """AdaGrad, in place: s += grad ** 2; p -= lr * grad / sqrt(s + eps), eps 1e-6 by default."""
    eps = hyperparams.get("eps", 1e-6)
    with torch.no_grad():
        for p, s in zip(params, states, strict=True):
            s.addcmul_(p.grad, p.grad)
            p.addcdiv_(p.grad, (s + eps).sqrt(), value=-hyperparams["lr"])
