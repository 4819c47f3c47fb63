# Mistake: squeezes the output to shape (n,), which no longer matches labels of shape (n, 1).
# Expect: shape (5,), expected (5, 1)
class LogisticRegression(nn.Module):
    """Logistic regression."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X):
        return sigmoid(self.linear(X)).squeeze(1)
