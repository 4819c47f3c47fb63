# Alternative: math.floor of the true quotient (an int), and the checks in another order
import math


def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension: floor((n + 2p - k) / s) + 1."""
    if s < 1:
        raise ValueError("the stride must be at least 1")
    if p < 0:
        raise ValueError("the padding cannot be negative")
    if not 1 <= k <= n + 2 * p:
        raise ValueError("the kernel does not fit")
    return math.floor((n + 2 * p - k) / s) + 1
