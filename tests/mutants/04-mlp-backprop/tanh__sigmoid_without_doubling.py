# Mistake: uses 2 sigmoid(x) - 1, which is tanh(x / 2): the argument must be doubled.
# Expect: differs from the expected values
def tanh(x):
    """The hyperbolic tangent, elementwise."""
    return 2 / (1 + torch.exp(-x)) - 1
