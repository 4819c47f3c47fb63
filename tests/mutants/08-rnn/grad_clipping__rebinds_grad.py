# Mistake: replaces param.grad with a new tensor instead of scaling the one that is there.
# Expect: Scale the .grad tensors themselves, in place
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    params = [p for p in params if p.grad is not None]
    norm = math.sqrt(sum(float((p.grad ** 2).sum()) for p in params))
    if norm > theta:
        for p in params:
            p.grad = p.grad * (theta / norm)
    return norm
