# Mistake: takes the mask as H >= 0, which is true everywhere since H is never negative, so nothing is masked.
# Expect: (Z > 0)
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout.sum(dim=0)
    dH = dout @ W2.T
    dZ = dH * (H >= 0)
    dW1 = X.T @ dZ
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
