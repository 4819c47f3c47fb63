# Mistake: forgets super().__init__(), so assigning the layer fails.
# Expect: Module.__init__()
class LinearRegression(nn.Module):
    """Linear regression as an nn.Module."""

    def __init__(self, num_inputs):
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X):
        return self.linear(X)
