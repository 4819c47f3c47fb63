# Alternative: an nn.Sigmoid sub-module (no parameters, so the state_dict keys stay linear.*)
import torch
from torch import nn


class LogisticRegression(nn.Module):
    """Logistic regression: one linear layer, then the sigmoid. Outputs (n, 1) probabilities."""

    def __init__(self, num_inputs: int) -> None:
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)
        self.activate = nn.Sigmoid()

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return self.activate(self.linear(X))
