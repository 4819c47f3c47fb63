# Mistake: p.detach().zero_() gives zeros, but it is the param's own memory: it zeroes the param and shares it with the state.
# Expect: shares the param's memory
def init_rmsprop_states(params):
    """The leaky averages of squared gradients s, one zero tensor per param."""
    return [p.detach().zero_() for p in params]
