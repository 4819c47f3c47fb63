# Mistake: calls the library's tanh as a tensor method (x.tanh()).
# Expect: uses the library's own version
def tanh(x):
    """The hyperbolic tangent, elementwise."""
    return x.tanh()
