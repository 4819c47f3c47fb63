# Alternative: F.one_hot(...).float(), begin_state called when state is None, Y.view for the rows
import torch
import torch.nn.functional as F
from torch import nn


class RNNModel(nn.Module):
    """A language model around a recurrent layer."""

    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.vocab_size = vocab_size
        self.rnn = rnn_layer
        self.num_hiddens = self.rnn.hidden_size
        self.linear = nn.Linear(self.num_hiddens, self.vocab_size)

    def forward(self, inputs, state=None):
        if state is None:
            state = self.begin_state(inputs.shape[0], inputs.device)
        X = F.one_hot(inputs.transpose(0, 1), self.vocab_size).float()
        Y, state = self.rnn(X, state)
        return self.linear(Y.contiguous().view(-1, self.num_hiddens)), state

    def begin_state(self, batch_size=1, device=None):
        shape = (self.rnn.num_layers, batch_size, self.num_hiddens)
        if not isinstance(self.rnn, nn.LSTM):
            return torch.zeros(shape, device=device)
        return torch.zeros(shape, device=device), torch.zeros(shape, device=device)
