# Alternative: indices shuffled by random.shuffle, the loss as nn.functional.mse_loss
import random

import torch
import torch.nn.functional as F
from torch import nn


def train_linear_regression(
    features: torch.Tensor,
    labels: torch.Tensor,
    num_epochs: int,
    lr: float,
    batch_size: int,
) -> nn.Module:
    """Train a LinearRegression on (features, labels) and return it."""
    net = LinearRegression(features.shape[1])  # noqa: F821 (the notebook's class)
    optimizer = torch.optim.SGD(params=net.parameters(), lr=lr, momentum=0.0)
    indices = list(range(len(features)))
    for _ in range(num_epochs):
        random.shuffle(indices)
        for i in range(0, len(indices), batch_size):
            batch = torch.tensor(indices[i:i + batch_size])
            y_hat = net(features[batch])
            loss = F.mse_loss(y_hat, labels[batch].reshape(y_hat.shape))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return net
