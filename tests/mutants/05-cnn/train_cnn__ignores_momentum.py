# Mistake: builds plain SGD and never passes momentum to the optimiser.
# Expect: momentum=0 gave the same weights
# Caught by: train_cnn_uses_its_arguments
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        net.train()
        for X, y in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(net(X), y)
            loss.backward()
            optimizer.step()
    return net
