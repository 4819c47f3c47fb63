# Mistake: squeezes the output to shape (n,) in forward instead of returning (n, 1).
# Expect: shape (5,)
# Expect: expected (5, 1)
class LinearRegression(nn.Module):
    """Linear regression as an nn.Module."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X):
        return self.linear(X).squeeze(-1)
