# Alternative: W = 0.01 * randn, requires_grad_ set afterwards; batch size from len(y)
from collections.abc import Iterable

import torch


def train_softmax_regression(train_iter: Iterable, num_inputs: int, num_outputs: int,
                             num_epochs: int, lr: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Train softmax regression from scratch with minibatch SGD; return (W, b)."""
    W = (0.01 * torch.randn(num_inputs, num_outputs)).requires_grad_()
    b = torch.zeros(num_outputs).requires_grad_()
    for _ in range(num_epochs):
        for X, y in train_iter:
            y_hat = softmax_regression(X, W, b)  # noqa: F821 (the notebook's)
            cross_entropy(y_hat, y).sum().backward()  # noqa: F821 (the notebook's)
            sgd([W, b], lr, len(y))  # noqa: F821 (the notebook's)
    return W, b
