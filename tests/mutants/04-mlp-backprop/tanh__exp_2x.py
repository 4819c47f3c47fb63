# Mistake: writes (exp(2x) - 1) / (exp(2x) + 1), which overflows to inf / inf = nan once x > 44.
# Expect: inf or nan
def tanh(x):
    """The hyperbolic tangent, elementwise."""
    e = torch.exp(2 * x)
    return (e - 1) / (e + 1)
