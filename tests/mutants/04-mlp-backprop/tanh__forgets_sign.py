# Mistake: uses exp(-2|x|) safely but forgets to put the sign of x back, so tanh(-x) comes out as tanh(x).
# Expect: differs from the expected values
def tanh(x):
    """The hyperbolic tangent, elementwise."""
    e = torch.exp(-2 * x.abs())
    return (1 - e) / (1 + e)
