# Mistake: writes (H) for a tuple, which is just H.
# Expect: Mind the comma
def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    H = torch.zeros((batch_size, num_hiddens), device=device)
    return (H)
