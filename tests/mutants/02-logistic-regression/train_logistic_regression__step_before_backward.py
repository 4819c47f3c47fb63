# Mistake: calls optimizer.step() before loss.backward(), right after zero_grad, so every step has no gradient to use and the model never changes.
# Expect: is the model trained at all
def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Train a LogisticRegression."""
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            optimizer.step()
            l.backward()
    return net
