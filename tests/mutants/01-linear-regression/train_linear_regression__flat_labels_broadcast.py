# Mistake: flattens the labels to (batch_size,) before nn.MSELoss, which broadcasts (b, 1) against (b,) to (b, b) and learns only the mean.
# Expect: above the target
# Expect: MSELoss(net(X), y)
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    """Train a LinearRegression on (features, labels) and return it."""
    data_loader = DataLoader(TensorDataset(features, labels.reshape(-1)), batch_size,
                             shuffle=True)
    net = LinearRegression(features.shape[1])
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for X, y in data_loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
