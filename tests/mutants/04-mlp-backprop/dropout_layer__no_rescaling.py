# Mistake: zeroes elements but does not scale the survivors by 1 / (1 - p), so the expectation shrinks.
# Expect: divided by 1 - p
def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) > p).float()
    return mask * X
