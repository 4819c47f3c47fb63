# Mistake: broadcasts correctly but sums over the rows of A (n) instead of the shared dimension (m).
# Expect: differs from the expected values
def batched_matmul(A, B):
    """The b products A[k] @ B[k]."""
    return (A.unsqueeze(-1) * B.unsqueeze(1)).sum(dim=1)
