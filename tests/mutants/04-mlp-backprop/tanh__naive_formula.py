# Mistake: types in (exp(x) - exp(-x)) / (exp(x) + exp(-x)), which is inf / inf = nan once |x| > 89.
# Expect: inf or nan
# Expect: exp(-2|x|)
def tanh(x):
    """The hyperbolic tangent, elementwise."""
    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))
