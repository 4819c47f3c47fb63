# Mistake: returns the network's state_dict instead of the network.
# Expect: expected the trained MnistNet
# Caught by: train_cnn_returns_model
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    for epoch in range(num_epochs):
        net.train()
        for X, y in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(net(X), y)
            loss.backward()
            optimizer.step()
    return net.state_dict()
