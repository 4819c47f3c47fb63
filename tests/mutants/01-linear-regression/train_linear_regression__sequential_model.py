# Mistake: trains an nn.Sequential(nn.Linear(...)) instead of the LinearRegression class, so the returned model is not a LinearRegression.
# Expect: expected the trained LinearRegression
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    """Train a LinearRegression on (features, labels) and return it."""
    data_loader = DataLoader(TensorDataset(features, labels), batch_size, shuffle=True)
    net = nn.Sequential(nn.Linear(features.shape[1], 1))
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in data_loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
