# Mistake: uses the height for both sides (h * h), right only for square inputs.
# Expect: conv_flops(14, 7, 3, 2, 5)
def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 convolution."""
    return h * h * k * k * c_in * c_out
