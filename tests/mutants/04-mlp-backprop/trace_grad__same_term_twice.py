# Mistake: doubles the first term instead of adding the second (right only when A = B).
# Expect: differs from the expected values
def trace_grad(A, X, B):
    """Gradient of trace(A X B X) in X."""
    return 2 * A.T @ X.T @ B.T
