# Mistake: creates W without requires_grad=True, so W.grad stays None and the update fails.
# Expect: requires_grad
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs))
    b = torch.zeros(num_outputs, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            l = cross_entropy(softmax_regression(X, W, b), y)
            l.sum().backward()
            sgd([W, b], lr, X.shape[0])
    return W, b
