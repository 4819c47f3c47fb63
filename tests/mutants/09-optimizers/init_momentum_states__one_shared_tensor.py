# Mistake: makes one zero tensor and puts it in the list once per param, so all params share one state (of the first param's shape).
# Expect: like its param
def init_momentum_states(params):
    """The velocities v, one zero tensor per param."""
    v = torch.zeros_like(params[0])
    return [v for _ in params]
