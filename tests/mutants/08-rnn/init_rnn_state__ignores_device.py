# Mistake: creates the state on the CPU whatever device it is given.
# Expect: device=device
def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    return (torch.zeros((batch_size, num_hiddens)),)
