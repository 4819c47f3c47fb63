# Alternative: nn.init sets the weights after the layer is made (normal 0.01, zero bias)
import torch
from torch import nn


class LinearRegression(nn.Module):
    """Linear regression as an nn.Module, with one sub-module linear = nn.Linear(num_inputs, 1)."""

    def __init__(self, num_inputs: int) -> None:
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1, bias=True)
        nn.init.normal_(self.linear.weight, mean=0.0, std=0.01)
        nn.init.zeros_(self.linear.bias)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        """X: (n, num_inputs) -> predictions (n, 1)."""
        return self.linear(X)
