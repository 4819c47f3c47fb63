# Mistake: calls torch.nn.utils.clip_grad_norm_, the library's version.
# Expect: uses the library's own version
# Expect: clip_grad_norm_
def grad_clipping(params, theta):
    """Scale all gradients in place by theta / norm if their global norm exceeds theta."""
    if isinstance(params, nn.Module):
        params = params.parameters()
    return float(torch.nn.utils.clip_grad_norm_(list(params), theta))
