# Mistake: adds the padding once instead of on both sides (n + p instead of n + 2p).
# Expect: gave 26, expected 28
def conv_output_size(n, k, p=0, s=1):
    """Output size along one dimension."""
    if k < 1 or p < 0 or s < 1 or k > n + 2 * p:
        raise ValueError("impossible convolution")
    return (n + p - k) // s + 1
