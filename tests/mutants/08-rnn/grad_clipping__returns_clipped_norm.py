# Mistake: returns the norm after clipping (at most theta) instead of the norm before.
# Expect: the norm before clipping
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    grads = [p.grad for p in params if p.grad is not None]
    norm = math.sqrt(sum(float((g.detach() ** 2).sum()) for g in grads))
    if norm > theta:
        with torch.no_grad():
            for g in grads:
                g.mul_(theta / norm)
    return min(norm, theta)
