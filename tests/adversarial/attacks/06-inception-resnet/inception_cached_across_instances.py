# ruff: noqa
# Attack: keep results across calls and across blocks: the first output computed for an input shape is handed back by every later block, whatever its weights and input
# Cell: Inception
# Earns: 3
# Expect: differs from the expected values
import torch
import torch.nn.functional as F
from torch import nn

_kept = {}


class Inception(nn.Module):
    """Right the first time an input shape is seen; stale for every later block or input."""

    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, 1)
        self.p2_1 = nn.Conv2d(in_channels, c2[0], 1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], 3, padding=1)
        self.p3_1 = nn.Conv2d(in_channels, c3[0], 1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], 5, padding=2)
        self.p4_2 = nn.Conv2d(in_channels, c4, 1)

    def forward(self, x):
        key = tuple(x.shape)
        if key not in _kept:
            p1 = F.relu(self.p1_1(x))
            p2 = F.relu(self.p2_2(F.relu(self.p2_1(x))))
            p3 = F.relu(self.p3_2(F.relu(self.p3_1(x))))
            p4 = F.relu(self.p4_2(F.max_pool2d(x, 3, stride=1, padding=1)))
            _kept[key] = torch.cat((p1, p2, p3, p4), dim=1)
        return _kept[key]
