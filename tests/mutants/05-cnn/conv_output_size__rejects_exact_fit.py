# Mistake: raises when the kernel is exactly as large as the padded input (>= instead of >).
# Expect: still fits once
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    if k < 1 or p < 0 or s < 1 or k >= n + 2 * p:
        raise ValueError("the kernel does not fit")
    return (n + 2 * p - k) // s + 1
