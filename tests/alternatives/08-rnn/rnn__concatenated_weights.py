# Alternative: one product of [X, H] with the stacked [W_xh; W_hh], and torch.addmm for Y
import torch


def rnn(inputs, state, params):
    """The RNN loop over the time steps."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    W = torch.cat((W_xh, W_hh), dim=0)          # (vocab_size + num_hiddens, num_hiddens)
    H = state[0]
    outputs = []
    for t in range(inputs.shape[0]):
        H = torch.tanh(torch.cat((inputs[t], H), dim=1) @ W + b_h)
        outputs.append(torch.addmm(b_q, H, W_hq))
    return torch.cat(outputs), (H,)
