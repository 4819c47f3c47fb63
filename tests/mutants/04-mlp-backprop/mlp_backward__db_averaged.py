# Mistake: averages the bias gradients over the batch (.mean(0)) instead of summing them.
# Expect: dout.sum(0)
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout.mean(dim=0)
    dH = dout @ W2.T
    dZ = dH * (Z > 0)
    dW1 = X.T @ dZ
    db1 = dZ.mean(dim=0)
    return dW1, db1, dW2, db2
