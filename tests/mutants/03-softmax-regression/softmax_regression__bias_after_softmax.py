# Mistake: adds the bias after the softmax, so the rows no longer sum to 1.
# Expect: row sums
# Expect: bias added before softmax
def softmax_regression(X, W, b):
    """The model: flatten, linear layer, softmax."""
    return softmax(X.reshape(-1, W.shape[0]) @ W) + b
