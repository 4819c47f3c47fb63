# Mistake: checks only that the kernel fits, so a stride of 0 divides by zero and k = 0 passes.
# Expect: expected a ValueError
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    if k > n + 2 * p:
        raise ValueError("the kernel does not fit")
    return (n + 2 * p - k) // s + 1
