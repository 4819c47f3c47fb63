# Alternative: conv3 = nn.Identity() (no weights) without the 1x1 conv, checked last; torch.relu
import torch
from torch import nn


class Residual(nn.Module):
    """ResNet's residual block: relu(main(X) + shortcut(X))."""

    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels, 3, stride=strides, padding=1)
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.conv2 = nn.Conv2d(num_channels, num_channels, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(num_channels)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(input_channels, num_channels, 1, stride=strides)
        elif input_channels == num_channels and strides == 1:
            self.conv3 = nn.Identity()
        else:
            raise ValueError("an identity shortcut keeps the channels and the size; "
                             "use_1x1conv=True is needed here")

    def forward(self, X):
        main = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(X)))))
        return torch.relu(main + self.conv3(X))
