# Alternative: F.cross_entropy of the log-probabilities (the same loss), zero_grad after step
# ruff: noqa: F821 (MnistNet comes from the notebook's cell above)
import torch
import torch.nn.functional as F


def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum; return it."""
    net = MnistNet()
    net.train()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    optimizer.zero_grad()
    for _ in range(num_epochs):
        for X, y in train_loader:
            F.cross_entropy(net(X), y).backward()
            optimizer.step()
            optimizer.zero_grad()
    return net
