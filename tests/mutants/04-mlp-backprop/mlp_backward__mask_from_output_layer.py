# Mistake: takes the ReLU mask from the wrong layer, the output layer's scores instead of the hidden layer's Z.
# Expect: dZ = dH * (Z > 0)
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    O = H @ W2
    dW2 = H.T @ dout
    db2 = dout.sum(dim=0)
    dH = dout @ W2.T
    dZ = dH * (O > 0)
    dW1 = X.T @ dZ
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
