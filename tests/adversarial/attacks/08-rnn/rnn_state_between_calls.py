# ruff: noqa
# Attack: an rnn that keeps its hidden state in a global between calls and starts from it instead of the state it is given
# Cell: rnn
# Earns: 0.8
# Expect: differs from the expected values
import torch

_kept = {}


def rnn(inputs, state, params):
    """Wrong: the state it is given is used only while nothing is kept for its shape (so
    a single call per shape, as in the shapes and worked-example checks, is right)."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    H = _kept.get(tuple(state[0].shape), state[0])
    outputs = []
    for X in inputs:
        H = torch.tanh(X @ W_xh + H @ W_hh + b_h)
        outputs.append(H @ W_hq + b_q)
    _kept[tuple(H.shape)] = H.detach()
    return torch.cat(outputs, dim=0), (H,)
