# Mistake: forgets the + 1: the kernel's first position is not counted.
# Expect: gave 23, expected 24
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    if k < 1 or p < 0 or s < 1 or k > n + 2 * p:
        raise ValueError("impossible convolution")
    return (n + 2 * p - k) // s
