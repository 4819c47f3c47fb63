# Mistake: forgets the loop over epochs and makes a single pass over the data.
# Expect: below the target
# Expect: after 10 epochs
def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """Train softmax regression from scratch; return (W, b)."""
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for X, y in train_iter:
        l = cross_entropy(softmax_regression(X, W, b), y)
        l.sum().backward()
        sgd([W, b], lr, X.shape[0])
    return W, b
