# Mistake: measures the gradients with the sum of absolute values instead of the L2 norm.
# Expect: the global norm before clipping
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    grads = [p.grad for p in params if p.grad is not None]
    norm = (sum(float(g.detach().abs().sum()) for g in grads))
    if norm > theta:
        with torch.no_grad():
            for g in grads:
                g.mul_(theta / norm)
    return norm
