# Mistake: calls torch.manual_seed(0) inside, so every call drops the same elements.
# Expect: fresh mask
def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    torch.manual_seed(0)
    mask = (torch.rand(X.shape) >= p).float()
    return mask * X / (1 - p)
