# Mistake: scales the survivors by 1 / p instead of 1 / (1 - p).
# Expect: not X / p
def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    if p == 0:
        return X.clone()
    mask = (torch.rand(X.shape) > p).float()
    return mask * X / p
