# Mistake: builds the layer with bias=False, so the model has no intercept.
# Expect: expected linear.weight and linear.bias
class LinearRegression(nn.Module):
    """Linear regression as an nn.Module."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1, bias=False)

    def forward(self, X):
        return self.linear(X)
