# Mistake: swaps the transposes of the weight gradients (dZ.T @ X instead of X.T @ dZ), giving the transposed shapes.
# Expect: shape
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = dout.T @ H
    db2 = dout.sum(dim=0)
    dH = dout @ W2.T
    dZ = dH * (Z > 0)
    dW1 = dZ.T @ X
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
