# Mistake: has no special case for p = 1, where mask * X / (1 - p) is 0 / 0 = nan.
# Expect: inf or nan
# Expect: do not divide by 0
def dropout_layer(X, p):
    """Inverted dropout."""
    mask = (torch.rand(X.shape) >= p).float()
    return mask * X / (1 - p)
