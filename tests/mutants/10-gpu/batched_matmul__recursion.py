# Mistake: recurses over the batch (no loop statement, the same cost as one, and more).
# Expect: slower than the reference
def batched_matmul(A, B):
    """The b products A[k] @ B[k]."""
    if A.shape[0] == 1:
        return (A[0] @ B[0]).unsqueeze(0)
    half = A.shape[0] // 2
    return torch.cat([batched_matmul(A[:half], B[:half]), batched_matmul(A[half:], B[half:])])
