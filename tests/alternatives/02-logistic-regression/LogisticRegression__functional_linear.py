# Alternative: F.linear on the layer's own weight and bias, then the notebook's sigmoid
import torch
import torch.nn.functional as F
from torch import nn


class LogisticRegression(nn.Module):
    """Logistic regression: one linear layer, then the sigmoid. Outputs (n, 1) probabilities."""

    def __init__(self, num_inputs: int) -> None:
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        scores = F.linear(X, self.linear.weight, self.linear.bias)  # (n, 1)
        return sigmoid(scores)  # noqa: F821 (the notebook's)
