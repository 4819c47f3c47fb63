# Mistake: names the layer self.fc instead of self.linear, so the state_dict keys do not match.
# Expect: fc.weight
# Expect: name the layer self.linear
class LogisticRegression(nn.Module):
    """Logistic regression."""

    def __init__(self, num_inputs):
        super().__init__()
        self.fc = nn.Linear(num_inputs, 1)

    def forward(self, X):
        return sigmoid(self.fc(X))
