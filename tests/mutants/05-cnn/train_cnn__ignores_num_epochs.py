# Mistake: makes a single pass over the data whatever num_epochs says.
# Expect: is num_epochs used
# Caught by: train_cnn_uses_its_arguments
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    net.train()
    for X, y in train_loader:
        optimizer.zero_grad()
        loss = F.nll_loss(net(X), y)
        loss.backward()
        optimizer.step()
    return net
