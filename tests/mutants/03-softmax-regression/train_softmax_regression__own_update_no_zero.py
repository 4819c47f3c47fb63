# Mistake: writes its own update instead of calling the given sgd and never zeroes the gradients, so they accumulate over minibatches.
# Expect: inf or nan
# Expect: gradients zeroed
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            l = cross_entropy(softmax_regression(X, W, b), y)
            l.sum().backward()
            with torch.no_grad():
                W -= lr * W.grad / X.shape[0]
                b -= lr * b.grad / X.shape[0]
    return W, b
