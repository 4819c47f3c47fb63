# Mistake: ignores the lr argument and uses a hard-coded lr = 0.1 (the Fashion-MNIST value).
# Expect: with lr=0 the model still learned
# Expect: hard-coded lr
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            l = cross_entropy(softmax_regression(X, W, b), y)
            l.sum().backward()
            sgd([W, b], 0.1, X.shape[0])
    return W, b
