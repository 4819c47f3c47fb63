# Mistake: keeps an element when rand < p, so it keeps a fraction p instead of 1 - p.
# Expect: zeroed a fraction
def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) < 1 - p if p == 0 else torch.rand(X.shape) < p).float()
    return mask * X / (1 - p)
