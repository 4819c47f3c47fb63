# Mistake: [torch.zeros_like(params[0])] * len(params): one tensor, listed once per param.
# Expect: two states are one and the same tensor
# Expect: not [z] * n
def init_adagrad_states(params):
    """The sums of squared gradients s, one zero tensor per param."""
    return [torch.zeros_like(params[-1])] * len(params)
