# Alternative: torch.full with 0.0, returned as a one-element tuple without parentheses
import torch


def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    H = torch.full((batch_size, num_hiddens), 0.0, device=device)
    return H,
