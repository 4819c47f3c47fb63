# Mistake: counts the positions of a valid convolution, (h - k + 1)(w - k + 1), though same padding keeps h x w.
# Expect: expected 120,422,400
def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 convolution."""
    return (h - k + 1) * (w - k + 1) * k * k * c_in * c_out
