# Mistake: divides with / instead of //, so the result is a float and is not floored.
# Expect: expected a Python int
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    if k < 1 or p < 0 or s < 1 or k > n + 2 * p:
        raise ValueError("impossible convolution")
    return (n + 2 * p - k) / s + 1
