# Mistake: clips every parameter by its own norm instead of the global norm of all gradients.
# Expect: not one per parameter
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    grads = [p.grad for p in params if p.grad is not None]
    total = math.sqrt(sum(float((g.detach() ** 2).sum()) for g in grads))
    with torch.no_grad():
        for g in grads:
            norm = float(g.norm())
            if norm > theta:
                g.mul_(theta / norm)
    return total
