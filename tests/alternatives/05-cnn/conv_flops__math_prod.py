# Alternative: math.prod over the factors
import math


def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 k x k convolution."""
    return math.prod((h, w, k, k, c_in, c_out))
