# Mistake: torch.zeros(list(p.shape)) is float32 whatever the param's dtype.
# Expect: expected float64
def init_rmsprop_states(params):
    """The leaky averages of squared gradients s, one zero tensor per param."""
    return [torch.zeros(list(p.shape)) for p in params]
