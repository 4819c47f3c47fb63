# Mistake: steps with torch.rnn_tanh_cell, the library's RNN cell, instead of writing the step.
# Expect: uses the library's own version
# Expect: rnn_tanh_cell
def rnn(inputs, state, params):
    """The RNN loop over the time steps."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        H = torch.rnn_tanh_cell(X, H, W_xh.T, W_hh.T, b_h, torch.zeros_like(b_h))
        Y = H @ W_hq + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)
