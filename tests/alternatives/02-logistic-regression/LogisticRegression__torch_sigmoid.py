# Alternative: torch.sigmoid in forward (allowed outside the sigmoid item), super() with arguments
import torch
from torch import nn


class LogisticRegression(nn.Module):
    """Logistic regression: one linear layer, then the sigmoid. Outputs (n, 1) probabilities."""

    def __init__(self, num_inputs: int) -> None:
        super(LogisticRegression, self).__init__()  # noqa: UP008 (the courses' spelling)
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.linear(X))
