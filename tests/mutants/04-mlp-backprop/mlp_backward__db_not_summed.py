# Mistake: returns the bias gradients without summing them over the batch, shape (n, h) instead of (h,).
# Expect: summed over the batch
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout
    dH = dout @ W2.T
    dZ = dH * (Z > 0)
    dW1 = X.T @ dZ
    db1 = dZ
    return dW1, db1, dW2, db2
