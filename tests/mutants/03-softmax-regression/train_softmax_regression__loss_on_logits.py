# Mistake: feeds the logits X @ W + b to cross_entropy without the softmax, taking the log of values that are not probabilities.
# Expect: below the target
# Expect: probabilities, not raw scores
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            logits = X.reshape(-1, num_inputs) @ W + b
            l = cross_entropy(logits, y)
            l.sum().backward()
            sgd([W, b], lr, X.shape[0])
    return W, b
