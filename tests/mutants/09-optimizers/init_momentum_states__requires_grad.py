# Mistake: makes the states require grad, as if they were parameters.
# Expect: requires grad
def init_momentum_states(params):
    """The velocities v, one zero tensor per param."""
    return [torch.zeros_like(p, requires_grad=True) for p in params]
