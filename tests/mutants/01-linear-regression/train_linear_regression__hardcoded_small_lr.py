# Mistake: ignores the lr argument and hard-codes a learning rate 100 times too small (0.0003).
# Expect: above the target
# Expect: lr=lr
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    """Train a LinearRegression on (features, labels) and return it."""
    data_loader = DataLoader(TensorDataset(features, labels), batch_size, shuffle=True)
    net = LinearRegression(features.shape[1])
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.0003)
    for epoch in range(num_epochs):
        for X, y in data_loader:
            l = loss(net(X), y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
