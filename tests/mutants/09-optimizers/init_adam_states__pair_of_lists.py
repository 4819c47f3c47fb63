# Mistake: returns (all the v's, all the s's) instead of one (v, s) pair per param.
# Expect: expected a list
def init_adam_states(params):
    """One pair (v, s) of zero tensors per param."""
    return ([torch.zeros_like(p) for p in params], [torch.zeros_like(p) for p in params])
