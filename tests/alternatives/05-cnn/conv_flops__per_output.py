# Alternative: the cost of one output number times the number of outputs, with k ** 2
def conv_flops(h, w, k, c_in, c_out):
    """Multiply-accumulates of a same-padded, stride-1 k x k convolution."""
    macs_per_output = k ** 2 * c_in      # one window of every input channel
    num_outputs = h * w * c_out          # same padding: the output is h x w x c_out
    return macs_per_output * num_outputs
