# Mistake: torch.zeros(p.size()) is float32 whatever the param's dtype.
# Expect: expected float64
def init_adagrad_states(params):
    """The sums of squared gradients s, one zero tensor per param."""
    return [torch.zeros(p.size()) for p in params]
