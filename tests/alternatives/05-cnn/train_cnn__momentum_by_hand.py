# Alternative: momentum by hand (v = momentum * v + grad; p -= lr * v), mean of per-example losses
# ruff: noqa: F821 (MnistNet comes from the notebook's cell above)
import torch
import torch.nn.functional as F


def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum; return it."""
    net = MnistNet()
    velocities = [torch.zeros_like(p) for p in net.parameters()]
    for _ in range(num_epochs):
        net.train()
        for X, y in train_loader:
            losses = F.nll_loss(net(X), y, reduction="none")
            net.zero_grad()
            losses.mean().backward()
            with torch.no_grad():
                for p, v in zip(net.parameters(), velocities, strict=True):
                    v.mul_(momentum).add_(p.grad)
                    p.sub_(lr * v)
    return net
