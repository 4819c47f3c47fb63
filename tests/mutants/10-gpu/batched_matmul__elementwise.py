# Mistake: multiplies elementwise instead of taking matrix products.
# Expect: A[k] @ B[k]
def batched_matmul(A, B):
    """The b products A[k] @ B[k]."""
    return A * B
