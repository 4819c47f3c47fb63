# Mistake: torch.zeros(p.shape) makes float32 states whatever the params are.
# Expect: expected float64
def init_adam_states(params):
    """One pair (v, s) of zero tensors per param."""
    return [(torch.zeros(p.shape), torch.zeros(p.shape)) for p in params]
