# Mistake: converts the inputs to float32, so float64 inputs come back as float32.
# Expect: float64
def batched_matmul(A, B):
    """The b products A[k] @ B[k]."""
    return torch.bmm(A.float(), B.float())
