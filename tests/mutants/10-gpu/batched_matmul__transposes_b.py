# Mistake: multiplies by the transpose of each B[k].
# Expect: A[k] @ B[k]
def batched_matmul(A, B):
    """The b products A[k] @ B[k]."""
    return A @ B.transpose(1, 2)
