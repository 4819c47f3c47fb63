# Mistake: drops the transposes, A @ X @ B + B @ X @ A, which has the wrong shape unless everything is square.
# Expect: shape
def trace_grad(A, X, B):
    """Gradient of trace(A X B X) in X."""
    return A @ X @ B + B @ X @ A
