# ruff: noqa
# Attack: let autograd do the backward pass in advance: mlp_forward stores the Jacobian of the output (torch.autograd.functional.jacobian) in the cache, and mlp_backward only contracts it with dout, so mlp_backward itself calls no autograd
# Cell: mlp_backward
# Item: mlp_backward
# Expect: mlp_forward prepares the gradients with the library
def mlp_forward(X, params):
    """Right output; the cache holds autograd's Jacobians."""
    W1, b1, W2, b2 = params

    def output(W1, b1, W2, b2):
        return torch.clamp(X @ W1 + b1, min=0) @ W2 + b2

    with torch.enable_grad():
        jacobians = torch.autograd.functional.jacobian(output, tuple(params))
    return output(*params), jacobians


def mlp_backward(dout, cache):
    """Wrong by the rules: the gradients are autograd's, contracted by hand."""
    return tuple(torch.tensordot(dout, J, dims=2) for J in cache)
