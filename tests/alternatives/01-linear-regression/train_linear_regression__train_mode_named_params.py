# Alternative: net.train(), optimizer over a list of the named parameters, zero_grad first
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def train_linear_regression(
    features: torch.Tensor,
    labels: torch.Tensor,
    num_epochs: int,
    lr: float,
    batch_size: int,
) -> nn.Module:
    """Train a LinearRegression on (features, labels) and return it."""
    net = LinearRegression(features.shape[-1])  # noqa: F821 (the notebook's class)
    optimizer = torch.optim.SGD([net.linear.weight, net.linear.bias], lr=lr)
    criterion = nn.MSELoss()
    loader = DataLoader(TensorDataset(features, labels.reshape(-1, 1)), batch_size=batch_size,
                        shuffle=True, drop_last=False)
    net.train()
    epoch = 0
    while epoch < num_epochs:
        for X, y in loader:
            optimizer.zero_grad()
            criterion(net(X), y).backward()
            optimizer.step()
        epoch += 1
    return net
