# Mistake: computes w.T @ X.T + b, a row of shape (1, n) instead of a column (n, 1).
# Expect: shape (1, 2)
# Expect: expected (2, 1)
def linreg(X, w, b):
    """The linear regression model."""
    return w.T @ X.T + b
