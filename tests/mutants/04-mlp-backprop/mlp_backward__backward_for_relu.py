# Mistake: lets autograd find the ReLU's derivative, calling .backward() on a copy of Z, instead of the mask by hand.
# Expect: uses the library's own version
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout.sum(dim=0)
    dH = dout @ W2.T
    with torch.enable_grad():
        Z_leaf = Z.detach().clone().requires_grad_(True)
        relu(Z_leaf).backward(dH)
    dZ = Z_leaf.grad
    dW1 = X.T @ dZ
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
