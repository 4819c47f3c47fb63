# ruff: noqa
# Attack: hide autograd from the source: mlp_forward puts a closure in the cache that calls torch.autograd.grad (looked up by strings), and mlp_backward only calls the closure
# Cell: mlp_backward
# Item: mlp_backward
# Expect: reached while running it
def mlp_forward(X, params):
    """Right output; the cache is a closure over autograd."""
    W1, b1, W2, b2 = params
    differentiate = getattr(getattr(torch, "auto" + "grad"), "gr" + "ad")
    with torch.enable_grad():
        leaves = [p.detach().clone().requires_grad_(True) for p in params]
        O = torch.clamp(X @ leaves[0] + leaves[1], min=0) @ leaves[2] + leaves[3]

    def pullback(dout):
        with torch.enable_grad():
            return differentiate(O, leaves, dout, retain_graph=True)

    return O.detach(), pullback


def mlp_backward(dout, cache):
    """Wrong by the rules: it only calls the closure."""
    return cache(dout)
