# Mistake: multiplies the matrices one by one in a Python loop over the batch.
# Expect: loops over the batch in Python
# Expect: slower than the reference
def batched_matmul(A, B):
    """The b products A[k] @ B[k]."""
    return torch.stack([A[k] @ B[k] for k in range(A.shape[0])])
