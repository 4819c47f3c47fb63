# Mistake: transposes A and B but not X, A.T @ X @ B.T + B.T @ X @ A.T, which only fits square matrices and is wrong even then.
# Expect: all three transposes
def trace_grad(A, X, B):
    """Gradient of trace(A X B X) in X."""
    return A.T @ X @ B.T + B.T @ X @ A.T
