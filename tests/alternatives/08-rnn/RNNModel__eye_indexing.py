# Alternative: one-hot rows picked from torch.eye, the linear layer on 3-D states then reshaped
import torch
from torch import nn


class RNNModel(nn.Module):
    """A language model around a recurrent layer."""

    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.linear = nn.Linear(rnn_layer.hidden_size, vocab_size)

    def forward(self, inputs, state=None):
        eye = torch.eye(self.vocab_size, device=inputs.device)
        X = eye[inputs.T.long()]                       # (num_steps, batch_size, vocab_size)
        Y, state = self.rnn(X, state)
        return self.linear(Y).reshape(-1, self.vocab_size), state

    def begin_state(self, batch_size=1, device=None):
        zeros = [torch.zeros(self.rnn.num_layers, batch_size, self.rnn.hidden_size,
                             device=device) for _ in range(2)]
        return tuple(zeros) if isinstance(self.rnn, nn.LSTM) else zeros[0]
