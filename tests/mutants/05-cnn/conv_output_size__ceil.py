# Mistake: rounds up with math.ceil, counting a position that sticks out of the padded input.
# Expect: gave 5, expected 4
import math


def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    if k < 1 or p < 0 or s < 1 or k > n + 2 * p:
        raise ValueError("impossible convolution")
    return math.ceil((n + 2 * p - k) / s) + 1
