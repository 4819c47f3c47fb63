# Mistake: applies the mask to X in place (X *= mask), changing the caller's tensor.
# Expect: X after calling dropout_layer
def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) >= p).float()
    X *= mask / (1 - p)
    return X
