# ruff: noqa
# Attack: compute a plain block (no shortcut in the values) and add x - x.detach(), which is zero but passes a gradient of 1, so that the block looks residual to any check of gradients alone
# Cell: Residual
# Earns: 1.88
# Expect: differs from the expected values
import torch.nn.functional as F
from torch import nn


class Residual(nn.Module):
    """Wrong: relu(main) without the shortcut; the shortcut exists only for autograd."""

    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        if not use_1x1conv and (input_channels != num_channels or strides != 1):
            raise ValueError("the identity shortcut cannot change the shape")
        self.conv1 = nn.Conv2d(input_channels, num_channels, 3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, 3, padding=1)
        self.conv3 = nn.Conv2d(input_channels, num_channels, 1, stride=strides) if use_1x1conv else None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X):
        Y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(X)))))
        if self.conv3 is not None:
            X = self.conv3(X)
        return F.relu(Y + (X - X.detach()))
