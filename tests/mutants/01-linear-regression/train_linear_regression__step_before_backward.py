# Mistake: calls optimizer.step() before l.backward(), right after zero_grad(), so every step uses a zero gradient.
# Expect: backward, step
# Expect: above the target
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    """Train a LinearRegression on (features, labels) and return it."""
    data_loader = DataLoader(TensorDataset(features, labels), batch_size, shuffle=True)
    net = LinearRegression(features.shape[1])
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in data_loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            optimizer.step()
            l.backward()
    return net
