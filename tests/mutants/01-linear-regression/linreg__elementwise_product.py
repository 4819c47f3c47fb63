# Mistake: multiplies elementwise (X * w) instead of the matrix product X @ w, which broadcasts to (n, d).
# Expect: shape (2, 2)
# Expect: matrix product
def linreg(X, w, b):
    """The linear regression model."""
    return X * w + b
