# Mistake: unpacks H from the initial state inside the loop, so every step starts from the initial state.
# Expect: the last step does not see the earlier ones
def rnn(inputs, state, params):
    """The RNN loop over the time steps."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    outputs = []
    for X in inputs:
        H, = state
        H = torch.tanh(X @ W_xh + H @ W_hh + b_h)
        Y = H @ W_hq + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)
