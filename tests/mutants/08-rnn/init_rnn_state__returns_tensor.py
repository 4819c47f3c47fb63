# Mistake: returns the tensor H itself instead of the tuple (H,).
# Expect: expected a tuple
def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    return torch.zeros((batch_size, num_hiddens), device=device)
