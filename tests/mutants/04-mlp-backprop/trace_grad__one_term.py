# Mistake: keeps only one of the two terms, as if only the first X varied.
# Expect: both terms
def trace_grad(A, X, B):
    """Gradient of trace(A X B X) in X."""
    return A.T @ X.T @ B.T
