# Alternative: the ReLU module used twice, Tensor.add for the sum, the shortcut computed first
import torch.nn.functional as F
from torch import nn


class Residual(nn.Module):
    """ResNet's residual block: relu(main(X) + shortcut(X))."""

    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        if not use_1x1conv and (strides != 1 or num_channels != input_channels):
            raise ValueError(f"cannot add {input_channels} channels to {num_channels} "
                             f"(stride {strides}) without use_1x1conv")
        super().__init__()
        self.use_1x1conv = use_1x1conv
        self.bn2 = nn.BatchNorm2d(num_channels)
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1,
                               stride=strides)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(input_channels, num_channels, kernel_size=1, stride=strides)
        self.relu = nn.ReLU()

    def forward(self, X):
        shortcut = self.conv3(X) if self.use_1x1conv else X
        Y = self.relu(self.bn1(self.conv1(X)))
        return F.relu(self.bn2(self.conv2(Y)).add(shortcut))
