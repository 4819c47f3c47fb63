# Mistake: shifts and exponentiates X in place (X -= ..., X.exp_()), changing the caller's tensor.
# Expect: X after calling softmax
# Expect: in place
def softmax(X):
    """Row-wise softmax."""
    X -= X.max(dim=1, keepdim=True).values
    X.exp_()
    return X / X.sum(dim=1, keepdim=True)
