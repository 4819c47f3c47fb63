# Mistake: returns a dict from index to state instead of a list.
# Expect: expected a list
def init_rmsprop_states(params):
    """The leaky averages of squared gradients s, one zero tensor per param."""
    return {i: torch.zeros_like(p) for i, p in enumerate(params)}
