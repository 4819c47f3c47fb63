# Mistake: returns a generator, which can be looped over only once, instead of a list.
# Expect: expected a list
def init_momentum_states(params):
    """The velocities v, one zero tensor per param."""
    return (torch.zeros_like(p) for p in params)
