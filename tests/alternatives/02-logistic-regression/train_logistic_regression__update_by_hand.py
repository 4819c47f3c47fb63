# Alternative: no torch.optim: the SGD step written out under no_grad, gradients set to None
from collections.abc import Iterable

import torch
from torch import nn


def train_logistic_regression(loader: Iterable, num_inputs: int, num_epochs: int,
                              lr: float) -> nn.Module:
    """Train a LogisticRegression with minibatch SGD on binary cross-entropy; return it."""
    net = LogisticRegression(num_inputs)  # noqa: F821 (the notebook's)
    loss_fn = nn.BCELoss(reduction="mean")
    epoch = 0
    while epoch < num_epochs:
        for X, y in loader:
            loss_fn(net(X), y).backward()
            with torch.no_grad():
                for param in net.parameters():
                    param -= lr * param.grad
                    param.grad = None
        epoch += 1
    return net
