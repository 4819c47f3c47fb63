# Mistake: creates every tensor on the CPU, whatever device it is given.
# Expect: device=device
def get_rnn_params(vocab_size, num_hiddens, device):
    """[W_xh, W_hh, b_h, W_hq, b_q] of an RNN whose inputs and outputs are vocab_size long."""
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape) * 0.01

    W_xh = normal((num_inputs, num_hiddens))
    W_hh = normal((num_hiddens, num_hiddens))
    b_h = torch.zeros(num_hiddens)
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs)
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)
    return params
