# Alternative: writes the step with the operator module (operator.isub), which hides nothing
import operator

import torch


def sgd(params, lr, batch_size):
    """Minibatch SGD, in place: param -= lr * param.grad / batch_size, not recorded."""
    with torch.no_grad():
        for param in params:
            operator.isub(param, lr * param.grad / batch_size)
