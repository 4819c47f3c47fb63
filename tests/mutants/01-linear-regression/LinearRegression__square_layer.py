# Mistake: builds nn.Linear(num_inputs, num_inputs), so the model predicts num_inputs values per example.
# Expect: shape (3, 3)
# Expect: expected (1, 3)
class LinearRegression(nn.Module):
    """Linear regression as an nn.Module."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, num_inputs)

    def forward(self, X):
        return self.linear(X)
