# Mistake: flattens the model's output to (batch_size,) while the labels stay (batch_size, 1), and BCELoss refuses the mismatch.
# Expect: target size
def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Train a LogisticRegression."""
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in loader:
            l = loss(net(X).flatten(), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
