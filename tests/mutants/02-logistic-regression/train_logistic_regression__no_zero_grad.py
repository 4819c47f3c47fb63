# Mistake: never calls optimizer.zero_grad(), so every step uses the sum of all the gradients so far.
# Expect: optimizer.zero_grad()
def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Train a LogisticRegression."""
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in loader:
            l = loss(net(X), y)
            l.backward()
            optimizer.step()
    return net
