# Mistake: starts s at ones, to keep the division away from zero (that is what eps is for).
# Expect: not all zeros
def init_adagrad_states(params):
    """The sums of squared gradients s, one zero tensor per param."""
    return [torch.ones_like(p) for p in params]
