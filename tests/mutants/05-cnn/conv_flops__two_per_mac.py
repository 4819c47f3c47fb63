# Mistake: counts 2 FLOPs per multiply-accumulate, while the contract counts MACs.
# Expect: expected 120,422,400
def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 convolution."""
    return 2 * h * w * k * k * c_in * c_out
