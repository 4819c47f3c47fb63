# Mistake: torch.zeros(p.shape) makes float32 states on the CPU whatever the params are.
# Expect: expected float64
# Expect: torch.zeros_like(p), not torch.zeros(p.shape)
def init_momentum_states(params):
    """The velocities v, one zero tensor per param."""
    return [torch.zeros(p.shape) for p in params]
