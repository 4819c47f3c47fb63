# Mistake: makes the zero state (batch_size, hidden_size), without the layer dimension.
# Expect: The layer dimension comes first
class RNNModel(nn.Module):
    """A language model around a recurrent layer."""

    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.num_hiddens = rnn_layer.hidden_size
        self.linear = nn.Linear(self.num_hiddens, vocab_size)

    def forward(self, inputs, state=None):
        X = F.one_hot(inputs.T.long(), self.vocab_size).to(torch.float32)
        Y, state = self.rnn(X, state)
        outputs = self.linear(Y.reshape(-1, Y.shape[-1]))
        return outputs, state

    def begin_state(self, batch_size=1, device=None):
        shape = (batch_size, self.num_hiddens)
        if isinstance(self.rnn, nn.LSTM):
            return (torch.zeros(shape, device=device), torch.zeros(shape, device=device))
        return torch.zeros(shape, device=device)
