# Alternative: the notebook's binary_cross_entropy; zero_grad before the forward; net.train()
from collections.abc import Iterable

import torch


def train_logistic_regression(loader: Iterable, num_inputs: int, num_epochs: int,
                              lr: float) -> torch.nn.Module:
    """Train a LogisticRegression with minibatch SGD on binary cross-entropy; return it."""
    net = LogisticRegression(num_inputs)  # noqa: F821 (the notebook's)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    net.train()
    for _ in range(num_epochs):
        for X, y in loader:
            optimizer.zero_grad(set_to_none=False)
            loss = binary_cross_entropy(net(X), y)  # noqa: F821 (the notebook's)
            loss.backward()
            optimizer.step()
    return net
