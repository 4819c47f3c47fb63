# Mistake: names the layer self.fc instead of self.linear, so the state_dict keys do not match.
# Expect: fc.weight
# Expect: name the layer self.linear
class LinearRegression(nn.Module):
    """Linear regression as an nn.Module."""

    def __init__(self, num_inputs):
        super().__init__()
        self.fc = nn.Linear(num_inputs, 1)

    def forward(self, X):
        return self.fc(X)
