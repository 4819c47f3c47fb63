# Mistake: runs a single epoch whatever num_epochs says.
# Expect: with num_epochs=0 the model still learned
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    """Train a LinearRegression on (features, labels) and return it."""
    data_loader = DataLoader(TensorDataset(features, labels), batch_size, shuffle=True)
    net = LinearRegression(features.shape[1])
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for X, y in data_loader:
        l = loss(net(X), y)
        optimizer.zero_grad()
        l.backward()
        optimizer.step()
    return net
