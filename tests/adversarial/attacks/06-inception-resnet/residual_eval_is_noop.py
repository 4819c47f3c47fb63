# ruff: noqa
# Attack: a block that cannot be put in eval mode (train() ignores its argument), so BatchNorm always uses the batch's statistics, whatever mode the grader asks for
# Cell: Residual
# Earns: 3.12
# Expect: in eval mode
import torch.nn.functional as F
from torch import nn


class Residual(nn.Module):
    """Wrong in evaluation: the running statistics are never used."""

    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        if not use_1x1conv and (input_channels != num_channels or strides != 1):
            raise ValueError("the identity shortcut cannot change the shape")
        self.conv1 = nn.Conv2d(input_channels, num_channels, 3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, 3, padding=1)
        self.conv3 = nn.Conv2d(input_channels, num_channels, 1, stride=strides) if use_1x1conv else None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def train(self, mode=True):
        return super().train(True)

    def forward(self, X):
        Y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(X)))))
        if self.conv3 is not None:
            X = self.conv3(X)
        return F.relu(Y + X)
