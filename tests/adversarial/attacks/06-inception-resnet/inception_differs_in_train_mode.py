# ruff: noqa
# Attack: a block that is right in eval mode only; in training mode (the mode it would be trained in) it skips the ReLUs of the 1x1 reductions
# Cell: Inception
# Earns: 3
# Expect: in train mode
import torch
import torch.nn.functional as F
from torch import nn


class Inception(nn.Module):
    """Wrong while training: p2 and p3 lose their inner ReLU."""

    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, 1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], 1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], 3, padding=1)
        self.p3_1 = nn.Conv2d(in_channels, c3[0], 1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], 5, padding=2)
        self.p4_2 = nn.Conv2d(in_channels, c4, 1)

    def forward(self, x):
        inner = (lambda t: t) if self.training else F.relu
        p1 = F.relu(self.p1_1(x))
        p2 = F.relu(self.p2_2(inner(self.p2_1(x))))
        p3 = F.relu(self.p3_2(inner(self.p3_1(x))))
        p4 = F.relu(self.p4_2(F.max_pool2d(x, 3, stride=1, padding=1)))
        return torch.cat((p1, p2, p3, p4), dim=1)
