# Mistake: never marks the tensors as requiring gradients.
# Expect: requires_grad=False
def get_rnn_params(vocab_size, num_hiddens, device):
    """[W_xh, W_hh, b_h, W_hq, b_q] of an RNN whose inputs and outputs are vocab_size long."""
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape, device=device) * 0.01

    W_xh = normal((num_inputs, num_hiddens))
    W_hh = normal((num_hiddens, num_hiddens))
    b_h = torch.zeros(num_hiddens, device=device)
    W_hq = normal((num_hiddens, num_outputs))
    b_q = torch.zeros(num_outputs, device=device)
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    return params
