# Alternative: nn.init on empty tensors, the SGD step written out under no_grad, grads set to None
from collections.abc import Iterable

import torch
from torch import nn


def train_softmax_regression(train_iter: Iterable, num_inputs: int, num_outputs: int,
                             num_epochs: int, lr: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Train softmax regression from scratch with minibatch SGD; return (W, b)."""
    W = nn.init.normal_(torch.empty(num_inputs, num_outputs), std=0.01).requires_grad_(True)
    b = nn.init.zeros_(torch.empty(num_outputs)).requires_grad_(True)
    for _ in range(num_epochs):
        for X, y in train_iter:
            y_hat = softmax_regression(X, W, b)  # noqa: F821 (the notebook's)
            loss = cross_entropy(y_hat, y).sum()  # noqa: F821 (the notebook's)
            loss.backward()
            with torch.no_grad():
                for param in (W, b):
                    param -= lr * param.grad / X.shape[0]
                    param.grad = None
    return W, b
