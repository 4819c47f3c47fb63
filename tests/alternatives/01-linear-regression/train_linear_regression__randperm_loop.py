# Alternative: no DataLoader, a torch.randperm loop over slices; zero_grad after each step
import torch
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
    loss = nn.MSELoss(reduction="mean")
    optimizer = torch.optim.SGD(net.parameters(), lr)
    num_examples = len(features)
    for _ in range(num_epochs):
        order = torch.randperm(num_examples)
        for start in range(0, num_examples, batch_size):
            rows = order[start:start + batch_size]
            X, y = features[rows], labels[rows]
            l = loss(net(X), y.reshape(-1, 1))  # noqa: E741 (the courses' name for the loss)
            l.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return net
