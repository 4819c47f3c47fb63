# Mistake: returns one tensor with a zero per param instead of a list of tensors shaped like the params.
# Expect: expected a list
def init_adagrad_states(params):
    """The sums of squared gradients s, one zero tensor per param."""
    return torch.zeros(len(params))
