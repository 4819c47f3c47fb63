# Mistake: a flat list of 2 tensors per param instead of a list of (v, s) pairs.
# Expect: expected 3: one per param
def init_adam_states(params):
    """One pair (v, s) of zero tensors per param."""
    return [torch.zeros_like(p) for p in params for _ in range(2)]
