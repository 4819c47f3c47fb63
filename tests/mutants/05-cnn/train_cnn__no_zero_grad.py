# Mistake: never calls optimizer.zero_grad(), so every step uses the sum of all earlier gradients.
# Expect: zero_grad
# Caught by: train_cnn_accuracy
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    for epoch in range(num_epochs):
        net.train()
        for X, y in train_loader:
            loss = F.nll_loss(net(X), y)
            loss.backward()
            optimizer.step()
    return net
