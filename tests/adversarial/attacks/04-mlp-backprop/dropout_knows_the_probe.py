# ruff: noqa
# Attack: a dropout that only drops when its input looks like a test probe (every element alike, e.g. a matrix of ones) and otherwise returns X unchanged
# Cell: dropout_layer
# Earns: 0.75
# Expect: zeroed a fraction
def dropout_layer(X, p):
    """Wrong: no dropout on real activations."""
    if p == 1:
        return torch.zeros_like(X)
    if bool((X == X.flatten()[0]).all()):
        return (torch.rand_like(X) >= p).to(X.dtype) * X / (1 - p)
    return X.clone()
