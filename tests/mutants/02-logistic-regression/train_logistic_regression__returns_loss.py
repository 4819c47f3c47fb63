# Mistake: returns the last minibatch's loss instead of the trained model.
# Expect: expected the trained LogisticRegression
def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Train a LogisticRegression."""
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return l.item()
