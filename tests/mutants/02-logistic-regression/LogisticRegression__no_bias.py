# Mistake: builds the layer without a bias (bias=False), so the decision boundary must pass through the origin.
# Expect: expected linear.weight and linear.bias
class LogisticRegression(nn.Module):
    """Logistic regression."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1, bias=False)

    def forward(self, X):
        return sigmoid(self.linear(X))
