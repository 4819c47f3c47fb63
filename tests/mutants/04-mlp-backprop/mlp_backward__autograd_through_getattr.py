# Mistake: reaches torch.autograd.grad through getattr, hiding the name from the source, to get the ReLU's derivative.
# Expect: reached while running it
def mlp_backward(dout, cache):
    """Gradients of the MLP, by hand."""
    X, Z, H, W2 = cache
    dW2 = H.T @ dout
    db2 = dout.sum(dim=0)
    dH = dout @ W2.T
    differentiate = getattr(getattr(torch, "auto" + "grad"), "gr" + "ad")
    with torch.enable_grad():
        Z_leaf = Z.detach().clone().requires_grad_(True)
        (dZ,) = differentiate(relu(Z_leaf), Z_leaf, dH)
    dW1 = X.T @ dZ
    db1 = dZ.sum(dim=0)
    return dW1, db1, dW2, db2
