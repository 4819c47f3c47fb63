# Mistake: computes Y from the hidden state before the update, so every output is one step late.
# Expect: the new H is used for Y
def rnn(inputs, state, params):
    """The RNN loop over the time steps."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        Y = H @ W_hq + b_q
        H = torch.tanh(X @ W_xh + H @ W_hh + b_h)
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)
