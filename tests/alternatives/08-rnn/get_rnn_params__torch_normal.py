# Alternative: torch.normal with requires_grad=True at creation, and zeros likewise
import torch


def get_rnn_params(vocab_size, num_hiddens, device):
    """[W_xh, W_hh, b_h, W_hq, b_q] of an RNN whose inputs and outputs are vocab_size long."""
    def weight(rows, cols):
        return torch.normal(0.0, 0.01, size=(rows, cols), device=device, requires_grad=True)

    def bias(size):
        return torch.zeros(size, device=device, requires_grad=True)

    return [weight(vocab_size, num_hiddens), weight(num_hiddens, num_hiddens), bias(num_hiddens),
            weight(num_hiddens, vocab_size), bias(vocab_size)]
