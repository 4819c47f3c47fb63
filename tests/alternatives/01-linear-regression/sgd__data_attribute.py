# Alternative: the update through .data (not recorded by autograd) instead of torch.no_grad()
import torch


def sgd(params: list[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch stochastic gradient descent, by hand, in place."""
    for param in params:
        param.data -= lr * param.grad.data / batch_size
