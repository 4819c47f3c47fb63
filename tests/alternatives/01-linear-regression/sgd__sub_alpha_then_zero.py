# Alternative: param.sub_(grad, alpha=lr / batch_size) under a no_grad decorator, grad zeroed after
import torch


@torch.no_grad()
def sgd(params: list[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch stochastic gradient descent, by hand, in place."""
    for param in params:
        param.sub_(param.grad, alpha=lr / batch_size)
        param.grad.zero_()  # the contract allows zeroing after the update
