# Mistake: makes H of shape (num_hiddens, batch_size).
# Expect: has shape
def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    return (torch.zeros((num_hiddens, batch_size), device=device),)
