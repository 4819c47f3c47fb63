# Mistake: makes a mask the first time it sees a shape and keeps it, so later calls drop the same elements.
# Expect: fresh mask
_masks = {}


def dropout_layer(X, p):
    """Inverted dropout."""
    if p == 1:
        return torch.zeros_like(X)
    key = (tuple(X.shape), p)
    if key not in _masks:
        _masks[key] = (torch.rand(X.shape) >= p).float()
    return _masks[key] * X / (1 - p)
