# ruff: noqa
# Attack: a model that gives the right probabilities in training mode, which a careless check would call, and says "malignant" to everyone in eval mode, where it is used for testing
# Cell: LogisticRegression
# Earns: 0.5
# Expect: in eval mode
class LogisticRegression(nn.Module):
    """Wrong when tested: eval mode answers 1 for everyone."""

    def __init__(self, num_inputs):
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X):
        if not self.training:
            return torch.ones(X.shape[0], 1)
        return torch.sigmoid(self.linear(X))
