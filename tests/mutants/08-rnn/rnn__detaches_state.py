# Mistake: detaches H at every step, so backward never goes through more than one step.
# Expect: the gradient in
def rnn(inputs, state, params):
    """The RNN loop over the time steps."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:
        H = torch.tanh(X @ W_xh + H.detach() @ W_hh + b_h)
        Y = H @ W_hq + b_q
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)
