# Mistake: multiplies by w.data (an old idiom), so no gradient flows back to w.
# Expect: no gradient flows from linreg
def linreg(X, w, b):
    """The linear regression model."""
    return torch.mm(X, w.data) + b
