# Alternative: BCELoss(reduction="sum") divided by the batch's own size, which is the mean again
from collections.abc import Iterable

import torch
from torch import nn


def train_logistic_regression(loader: Iterable, num_inputs: int, num_epochs: int,
                              lr: float) -> nn.Module:
    """Train a LogisticRegression with minibatch SGD on binary cross-entropy; return it."""
    net = LogisticRegression(num_inputs)  # noqa: F821 (the notebook's)
    total = nn.BCELoss(reduction="sum")
    optimizer = torch.optim.SGD(net.parameters(), lr)
    for _epoch in range(num_epochs):
        for X, y in loader:
            loss = total(net(X), y) / X.shape[0]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return net
