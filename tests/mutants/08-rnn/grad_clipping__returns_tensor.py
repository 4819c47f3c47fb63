# Mistake: returns the norm as a 0-d tensor instead of a Python float.
# Expect: expected a Python float
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    grads = [p.grad for p in params if p.grad is not None]
    norm = torch.sqrt(sum((g.detach() ** 2).sum() for g in grads))
    if norm > theta:
        with torch.no_grad():
            for g in grads:
                g.mul_(theta / norm)
    return norm
