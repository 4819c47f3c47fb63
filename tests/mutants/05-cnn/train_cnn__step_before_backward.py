# Mistake: calls optimizer.step() before loss.backward(), right after zero_grad, so no step ever sees a gradient.
# Expect: below the target
# Expect: never changed the weights
# Caught by: train_cnn_accuracy, train_cnn_uses_its_arguments
def train_cnn(train_loader, num_epochs, lr, momentum):
    """Train a new MnistNet with SGD and momentum."""
    net = MnistNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    for epoch in range(num_epochs):
        net.train()
        for X, y in train_loader:
            optimizer.zero_grad()
            loss = F.nll_loss(net(X), y)
            optimizer.step()
            loss.backward()
    return net
