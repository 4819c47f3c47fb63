# Mistake: forgets the ReLU's mask, passing the gradient through inactive units too.
# Expect: (Z > 0)
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout.sum(dim=0)
    dZ = dout @ W2.T
    dW1 = X.T @ dZ
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
