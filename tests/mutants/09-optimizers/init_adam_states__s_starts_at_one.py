# Mistake: starts s at ones, to avoid dividing by zero on the first step.
# Expect: not all zeros
def init_adam_states(params):
    """One pair (v, s) of zero tensors per param."""
    return [(torch.zeros_like(p), torch.ones_like(p)) for p in params]
