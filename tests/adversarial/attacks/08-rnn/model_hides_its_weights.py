# ruff: noqa
# Attack: an RNNModel whose state_dict shows the contract's layers (so weights load by name) while forward computes with a hidden model of its own
# Cell: RNNModel
# Earns: 0.86
# Expect: differs from the expected values
import torch
import torch.nn.functional as F
from torch import nn


class RNNModel(nn.Module):
    """Wrong where it counts: the outputs never use the weights loaded into rnn and linear.
    Its begin_state and its shapes are right, and earn what they earn."""

    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.rnn = rnn_layer
        self.linear = nn.Linear(rnn_layer.hidden_size, vocab_size)
        self.vocab_size = vocab_size
        # a plain list hides the shadow from state_dict and load_state_dict
        self._shadow = [type(rnn_layer)(vocab_size, rnn_layer.hidden_size),
                        nn.Linear(rnn_layer.hidden_size, vocab_size)]

    def forward(self, inputs, state=None):
        layer, head = self._shadow
        Y, state = layer(F.one_hot(inputs.T.long(), self.vocab_size).float(), state)
        return head(Y.reshape(-1, Y.shape[-1])), state

    def begin_state(self, batch_size=1, device=None):
        shape = (1, batch_size, self.rnn.hidden_size)
        zeros = torch.zeros(shape, device=device)
        return (zeros, torch.zeros(shape, device=device)) if isinstance(self.rnn, nn.LSTM) else zeros
