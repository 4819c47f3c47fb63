# Mistake: takes the ReLU's derivative as (sign(Z) + 1) / 2, which is 1/2 at exactly Z = 0, matching neither convention.
# Expect: exactly at 0
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout.sum(dim=0)
    dH = dout @ W2.T
    dZ = dH * (torch.sign(Z) + 1) / 2
    dW1 = X.T @ dZ
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
