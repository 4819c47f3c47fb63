# Mistake: forward returns the linear layer's scores, without the sigmoid, so the outputs are not probabilities.
# Expect: probabilities
class LogisticRegression(nn.Module):
    """Logistic regression."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X):
        return self.linear(X)
