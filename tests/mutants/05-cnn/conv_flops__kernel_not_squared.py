# Mistake: multiplies by k instead of k * k: the kernel has k rows and k columns.
# Expect: expected 120,422,400
def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 convolution."""
    return h * w * k * c_in * c_out
