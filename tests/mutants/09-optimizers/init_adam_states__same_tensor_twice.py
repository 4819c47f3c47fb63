# Mistake: uses one zero tensor for both v and s, so updating one updates the other.
# Expect: both v and s
def init_adam_states(params):
    """One pair (v, s) of zero tensors per param."""
    states = []
    for p in params:
        zero = torch.zeros_like(p)
        states.append((zero, zero))
    return states
