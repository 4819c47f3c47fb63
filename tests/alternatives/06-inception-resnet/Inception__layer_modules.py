# Alternative: ReLU and pooling as modules, the layers made in another order, torch.concat
import torch
from torch import nn


class Inception(nn.Module):
    """GoogLeNet's Inception block: four parallel paths concatenated on the channels."""

    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.relu = nn.ReLU()
        self.p4_1 = nn.MaxPool2d(3, stride=1, padding=1)
        self.p4_2 = nn.Conv2d(in_channels, c4, 1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], 5, padding=2)
        self.p3_1 = nn.Conv2d(in_channels, c3[0], 1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], 3, padding=1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], 1)
        self.p1_1 = nn.Conv2d(in_channels, c1, 1)

    def forward(self, x):
        paths = [self.relu(self.p1_1(x)),
                 self.relu(self.p2_2(self.relu(self.p2_1(x)))),
                 self.relu(self.p3_2(self.relu(self.p3_1(x)))),
                 self.relu(self.p4_2(self.p4_1(x)))]
        return torch.concat(paths, dim=-3)
