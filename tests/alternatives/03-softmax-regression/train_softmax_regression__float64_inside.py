# Alternative: trained in float64 (W, b and every batch), returned cast to float32
from collections.abc import Iterable

import torch


def train_softmax_regression(train_iter: Iterable, num_inputs: int, num_outputs: int,
                             num_epochs: int, lr: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Train softmax regression from scratch with minibatch SGD; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), dtype=torch.float64,
                     requires_grad=True)
    b = torch.zeros(num_outputs, dtype=torch.float64, requires_grad=True)
    for _ in range(num_epochs):
        for X, y in train_iter:
            y_hat = softmax_regression(X.double(), W, b)  # noqa: F821 (the notebook's)
            cross_entropy(y_hat, y).sum().backward()  # noqa: F821 (the notebook's)
            sgd([W, b], lr, X.shape[0])  # noqa: F821 (the notebook's)
    return W.detach().float(), b.detach().float()
