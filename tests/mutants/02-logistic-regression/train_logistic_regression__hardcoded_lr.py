# Mistake: ignores the lr argument and uses a hard-coded lr = 0.1.
# Expect: with lr=0 the model still learned
# Expect: hard-coded
def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Train a LogisticRegression."""
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(num_epochs):
        for X, y in loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
