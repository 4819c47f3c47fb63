# Mistake: leaves out the bias: softmax(X @ W) instead of softmax(X @ W + b).
# Expect: bias
def softmax_regression(X, W, b):
    """The model: flatten, linear layer, softmax."""
    return softmax(X.reshape(-1, W.shape[0]) @ W)
