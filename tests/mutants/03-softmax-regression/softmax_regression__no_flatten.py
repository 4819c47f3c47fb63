# Mistake: multiplies the images (batch, 1, h, w) by W without flattening each example to a row.
# Expect: flatten each example
def softmax_regression(X, W, b):
    """The model: flatten, linear layer, softmax."""
    return softmax(torch.matmul(X, W) + b)
