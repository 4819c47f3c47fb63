# Mistake: trains one network but returns a newly made, untrained MnistNet().
# Expect: below the target
# Caught by: train_cnn_accuracy
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    model = MnistNet()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    for epoch in range(num_epochs):
        model.train()
        for X, y in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(model(X), y)
            loss.backward()
            optimizer.step()
    net = MnistNet()
    return net
