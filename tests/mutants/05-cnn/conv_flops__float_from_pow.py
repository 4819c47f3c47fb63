# Mistake: squares the kernel size with math.pow, which returns a float.
# Expect: expected a Python int
import math


def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 convolution."""
    return h * w * math.pow(k, 2) * c_in * c_out
