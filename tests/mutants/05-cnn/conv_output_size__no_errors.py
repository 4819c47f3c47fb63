# Mistake: never raises; an impossible kernel gives 0 or a negative size.
# Expect: expected a ValueError
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    return (n + 2 * p - k) // s + 1
