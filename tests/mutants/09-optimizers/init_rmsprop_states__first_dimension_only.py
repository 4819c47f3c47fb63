# Mistake: torch.zeros(p.shape[0]) keeps only the first dimension (and fails for a scalar param).
# Expect: like its param
def init_rmsprop_states(params):
    """The leaky averages of squared gradients s, one zero tensor per param."""
    return [torch.zeros(len(p)) if p.dim() else torch.zeros(()) for p in params]
