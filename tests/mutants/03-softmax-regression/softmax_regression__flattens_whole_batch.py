# Mistake: flattens the whole batch into one vector (X.flatten()) instead of one row per example.
# Expect: X.reshape(-1, W.shape[0])
def softmax_regression(X, W, b):
    """The model: flatten, linear layer, softmax."""
    return softmax(X.flatten() @ W + b)
