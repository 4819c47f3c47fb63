# Mistake: starts from a random state instead of zeros.
# Expect: differs from the expected values
def init_rnn_state(batch_size, num_hiddens, device):
    """The hidden state before the first step: (H,)."""
    return (torch.randn((batch_size, num_hiddens), device=device),)
