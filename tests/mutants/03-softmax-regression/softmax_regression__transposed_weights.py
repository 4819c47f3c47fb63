# Mistake: multiplies by W.T, treating W as (num_outputs, num_inputs) like nn.Linear's weight.
# Expect: X.reshape(-1, W.shape[0])
def softmax_regression(X, W, b):
    """The model: flatten, linear layer, softmax."""
    return softmax(X.reshape(X.shape[0], -1) @ W.T + b)
