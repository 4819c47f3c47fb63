# Alternative: the step computed in float64 and copied into the parameter with copy_
import torch


def sgd(params: list[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch stochastic gradient descent, by hand, in place."""
    with torch.no_grad():
        for i in range(len(params)):
            param = params[i]
            updated = param.double() - lr / batch_size * param.grad.double()
            param.copy_(updated.to(param.dtype))
