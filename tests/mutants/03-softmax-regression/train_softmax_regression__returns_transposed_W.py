# Mistake: stores W as (num_outputs, num_inputs), like nn.Linear's weight, and returns it that way.
# Expect: shape (5, 6)
# Expect: expected (6, 5)
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_outputs, num_inputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            y_hat = softmax(X.reshape(len(X), -1) @ W.T + b)
            l = cross_entropy(y_hat, y)
            l.sum().backward()
            sgd([W, b], lr, X.shape[0])
    return W, b
