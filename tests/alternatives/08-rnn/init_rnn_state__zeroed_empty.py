# Alternative: an empty tensor zeroed in place, wrapped with tuple([...])
import torch


def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    return tuple([torch.empty(batch_size, num_hiddens, device=device).zero_()])
