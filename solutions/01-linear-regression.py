"""Reference solutions for 01-linear-regression.

Generated from source/01-linear-regression/01-linear-regression.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import random
from collections.abc import Iterator

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
random.seed(0)


def synthetic_data(
    w: torch.Tensor | list[float], b: float, num_examples: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Make a linear-regression data set: y = X @ w + b + noise.

    w: 1-D tensor or list of length num_inputs; b: a number.
    Returns X of shape (num_examples, num_inputs), drawn from N(0, 1), and
    y of shape (num_examples, 1), with normal noise of standard deviation 0.01.
    """
    w = torch.as_tensor(w, dtype=torch.float32)  # (num_inputs,)
    X = torch.randn(num_examples, len(w), device=w.device)  # (num_examples, num_inputs)
    y = X @ w + b  # (num_examples,)
    y = y + torch.randn_like(y) * 0.01  # observation noise, std 0.01
    return X, y.reshape(-1, 1)  # y: (num_examples, 1)


def data_iter(
    batch_size: int, features: torch.Tensor, labels: torch.Tensor
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield (X, y) minibatches of (features, labels) in a random order.

    features: (num_examples, num_inputs); labels: (num_examples, 1).
    In one pass every example appears exactly once; each X has batch_size rows
    (the last one may have fewer), and y holds the labels of the same rows.
    """
    num_examples = len(features)
    indices = torch.randperm(num_examples, device=features.device)  # a random order
    for i in range(0, num_examples, batch_size):
        batch_indices = indices[i:i + batch_size]  # the last batch may be smaller
        yield features[batch_indices], labels[batch_indices]


def linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The linear regression model: X @ w + b.

    X: (n, d); w: (d, 1); b: a scalar tensor. Returns (n, 1).
    """
    return X @ w + b  # (n, d) @ (d, 1) -> (n, 1), b broadcast to every row


def squared_loss(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Per-example squared loss (y_hat - y) ** 2 / 2, not summed or averaged.

    y_hat: (n, 1); y: n labels of any shape, e.g. (n, 1) or (n,).
    Returns the shape of y_hat.
    """
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2  # (n, 1)


def sgd(params: list[torch.Tensor], lr: float, batch_size: int) -> None:
    """Minibatch stochastic gradient descent, by hand.

    For each param, in place: param -= lr * param.grad / batch_size,
    without autograd recording it (params stay leaves with requires_grad=True).
    Returns None; param.grad is left as it is.
    """
    with torch.no_grad():  # the update is not part of the model: do not record it
        for param in params:
            param -= lr * param.grad / batch_size  # in place: the same tensor object


class LinearRegression(nn.Module):
    """Linear regression as an nn.Module, with one sub-module linear = nn.Linear(num_inputs, 1)."""

    def __init__(self, num_inputs: int) -> None:
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)  # weight (1, num_inputs), bias (1,)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        """X: (n, num_inputs) -> predictions (n, 1)."""
        return self.linear(X)  # (n, 1)


def train_linear_regression(
    features: torch.Tensor,
    labels: torch.Tensor,
    num_epochs: int,
    lr: float,
    batch_size: int,
) -> LinearRegression:
    """Train a LinearRegression on (features, labels) and return it.

    features: (num_examples, num_inputs); labels: (num_examples, 1).
    Minibatches from DataLoader(TensorDataset(features, labels), batch_size, shuffle=True),
    loss nn.MSELoss(), optimizer torch.optim.SGD with learning rate lr, num_epochs passes.
    """
    # 1. data
    data_loader = DataLoader(TensorDataset(features, labels), batch_size, shuffle=True)
    # 2. model, on the device of the data
    net = LinearRegression(features.shape[1]).to(features.device)
    # 3. loss and optimizer
    loss = nn.MSELoss()  # mean over the batch
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    # 4. training: forward, backward, update
    for epoch in range(num_epochs):
        for X, y in data_loader:  # X: (batch_size, num_inputs), y: (batch_size, 1)
            y_hat = net(X)  # (batch_size, 1)
            l = loss(y_hat, y.reshape(y_hat.shape))
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
