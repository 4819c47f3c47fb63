# Mistake: draws one random number per row (a mask of shape (n, 1)), so whole examples are dropped together.
# Expect: in one row
def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape[0], 1) >= p).float()
    return mask * X / (1 - p)
