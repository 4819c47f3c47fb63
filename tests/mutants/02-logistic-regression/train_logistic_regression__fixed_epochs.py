# Mistake: trains for a fixed 10 epochs, whatever num_epochs says.
# Expect: with num_epochs=0 the model still learned
# Expect: number of epochs fixed
def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Train a LogisticRegression."""
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(10):
        for X, y in loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
