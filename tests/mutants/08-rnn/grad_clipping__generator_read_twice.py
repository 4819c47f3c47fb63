# Mistake: reads params twice, so a generator is empty the second time and nothing is scaled.
# Expect: read it once, into a list
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    norm = math.sqrt(sum(float((p.grad ** 2).sum()) for p in params if p.grad is not None))
    if norm > theta:
        with torch.no_grad():
            for p in params:
                if p.grad is not None:
                    p.grad.mul_(theta / norm)
    return norm
