# Mistake: hard-codes lr=0.01 (the course's value) instead of using the lr argument.
# Expect: with lr=0 one epoch still changed the weights
# Caught by: train_cnn_uses_its_arguments
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=momentum)
    for epoch in range(num_epochs):
        net.train()
        for X, y in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(net(X), y)
            loss.backward()
            optimizer.step()
    return net
