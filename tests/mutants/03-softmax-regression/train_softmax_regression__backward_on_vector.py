# Mistake: calls backward on the per-example loss vector, which autograd refuses without a sum.
# Expect: .sum().backward()
# Expect: scalar outputs
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            l = cross_entropy(softmax_regression(X, W, b), y)
            l.backward()
            sgd([W, b], lr, X.shape[0])
    return W, b
