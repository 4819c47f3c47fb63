# Alternative: backward on the mean loss, so the given sgd gets batch_size=1 (the same step)
from collections.abc import Iterable

import torch


def train_softmax_regression(train_iter: Iterable, num_inputs: int, num_outputs: int,
                             num_epochs: int, lr: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Train softmax regression from scratch with minibatch SGD; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in train_iter:
            loss = cross_entropy(softmax_regression(X, W, b), y)  # noqa: F821 (the notebook's)
            loss.mean().backward()  # mean = sum / batch_size, so the step is already divided
            sgd([W, b], lr, 1)  # noqa: F821 (the notebook's)
    return W, b
