# Alternative: forward written out with the layer's own parameters, X @ weight.T + bias
import torch
from torch import nn


class LinearRegression(nn.Module):
    """Linear regression as an nn.Module, with one sub-module linear = nn.Linear(num_inputs, 1)."""

    def __init__(self, num_inputs: int) -> None:
        super(LinearRegression, self).__init__()  # noqa: UP008 (the older spelling, still right)
        self.linear = nn.Linear(in_features=num_inputs, out_features=1)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        """X: (n, num_inputs) -> predictions (n, 1)."""
        return X @ self.linear.weight.T + self.linear.bias
