# Mistake: takes one gradient step per epoch on the whole data set instead of one per minibatch.
# Expect: each minibatch
# Expect: above the target
def train_linear_regression(features, labels, num_epochs, lr, batch_size):
    """Train a LinearRegression on (features, labels) and return it."""
    net = LinearRegression(features.shape[1])
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        l = loss(net(features), labels)
        optimizer.zero_grad()
        l.backward()
        optimizer.step()
    return net
