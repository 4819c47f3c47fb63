# Alternative: all input products in one matmul before the loop, all outputs in one after it
import torch


def rnn(inputs, state, params):
    """The RNN loop over the time steps."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    XW = inputs @ W_xh + b_h                    # (num_steps, batch_size, num_hiddens)
    (H,) = state
    hiddens = []
    for xw in XW:
        H = torch.tanh(xw + H @ W_hh)
        hiddens.append(H)
    Hs = torch.stack(hiddens)                   # (num_steps, batch_size, num_hiddens)
    return (Hs @ W_hq + b_q).reshape(-1, W_hq.shape[1]), (H,)
