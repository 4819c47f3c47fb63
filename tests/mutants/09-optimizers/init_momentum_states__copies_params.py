# Mistake: starts each velocity at a copy of its param instead of at zero.
# Expect: not all zeros
def init_momentum_states(params):
    """The velocities v, one zero tensor per param."""
    return [p.detach().clone() for p in params]
