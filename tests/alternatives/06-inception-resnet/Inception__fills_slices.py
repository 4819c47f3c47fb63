# Alternative: functional pooling, and each path written into its slice of one output tensor
import torch
import torch.nn.functional as F
from torch import nn


class Inception(nn.Module):
    """GoogLeNet's Inception block: four parallel paths concatenated on the channels."""

    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, kernel_size=1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], kernel_size=1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], kernel_size=(3, 3), padding=(1, 1))
        self.p3_1 = nn.Conv2d(in_channels, c3[0], kernel_size=1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], kernel_size=(5, 5), padding=(2, 2))
        self.p4_2 = nn.Conv2d(in_channels, c4, kernel_size=1)
        self.sizes = (c1, c2[1], c3[1], c4)

    def forward(self, x):
        paths = (torch.relu(self.p1_1(x)),
                 torch.relu(self.p2_2(torch.relu(self.p2_1(x)))),
                 torch.relu(self.p3_2(torch.relu(self.p3_1(x)))),
                 torch.relu(self.p4_2(F.max_pool2d(x, kernel_size=3, stride=1, padding=1))))
        out = x.new_empty(x.shape[0], sum(self.sizes), x.shape[2], x.shape[3])
        start = 0
        for size, path in zip(self.sizes, paths, strict=True):
            out[:, start:start + size] = path
            start += size
        return out
