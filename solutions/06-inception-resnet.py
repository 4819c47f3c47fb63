"""Reference solutions for 06-inception-resnet.

Generated from source/06-inception-resnet/06-inception-resnet.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import torch
import torch.nn as nn
import torch.nn.functional as F

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


class Inception(nn.Module):
    """GoogLeNet's Inception block: four parallel paths concatenated on the channels.

    c1: channels of the 1x1 path; c2 = (reduce, out) of the 1x1 -> 3x3 path; c3 = (reduce, out)
    of the 1x1 -> 5x5 path; c4: channels of the 3x3 max-pool -> 1x1 path.
    forward: (n, in_channels, h, w) -> (n, c1 + c2[1] + c3[1] + c4, h, w).
    """

    def __init__(self, in_channels: int, c1: int, c2: tuple[int, int], c3: tuple[int, int],
                 c4: int) -> None:
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, kernel_size=1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], kernel_size=1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1)
        self.p3_1 = nn.Conv2d(in_channels, c3[0], kernel_size=1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2)
        self.p4_1 = nn.MaxPool2d(kernel_size=3, stride=1, padding=1)
        self.p4_2 = nn.Conv2d(in_channels, c4, kernel_size=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p1 = F.relu(self.p1_1(x))
        p2 = F.relu(self.p2_2(F.relu(self.p2_1(x))))
        p3 = F.relu(self.p3_2(F.relu(self.p3_1(x))))
        p4 = F.relu(self.p4_2(self.p4_1(x)))
        return torch.cat((p1, p2, p3, p4), dim=1)  # on the channels: (n, sum of c, h, w)


class Residual(nn.Module):
    """ResNet's residual block: relu(bn2(conv2(relu(bn1(conv1(X))))) + shortcut(X)).

    The shortcut is X itself, or conv3 (1x1, stride strides) when use_1x1conv; the identity
    cannot change channels or size, so that combination raises ValueError.
    forward: (n, input_channels, h, w) -> (n, num_channels, ceil(h / strides), ceil(w / strides)).
    """

    def __init__(self, input_channels: int, num_channels: int, use_1x1conv: bool = False,
                 strides: int = 1) -> None:
        super().__init__()
        if not use_1x1conv and (input_channels != num_channels or strides != 1):
            raise ValueError(f"the identity shortcut cannot map {input_channels} channels to "
                             f"{num_channels} with stride {strides}: pass use_1x1conv=True")
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1,
                               stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(input_channels, num_channels, kernel_size=1, stride=strides) \
            if use_1x1conv else None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3 is not None:
            X = self.conv3(X)   # the shortcut, brought to Y's channels and size
        return F.relu(Y + X)    # the ReLU after the addition
