# Mistake: returns X @ w without adding the bias b.
# Expect: plus the scalar b
def linreg(X, w, b):
    """The linear regression model."""
    return torch.mm(X, w)
