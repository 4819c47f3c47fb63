# ruff: noqa
# Attack: no dropout at all, but noise on the output in training mode, so that two passes in training mode differ as if dropout were there
# Cell: MnistNet
# Earns: 1.43
# Expect: the channels after conv2_drop
# Expect: were kept, expected 0.5
import torch
import torch.nn.functional as F
from torch import nn


class MnistNet(nn.Module):
    """Wrong: conv2_drop does nothing and fc1's units are never dropped; noise fakes it."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, 5)
        self.conv2 = nn.Conv2d(10, 20, 5)
        self.conv2_drop = nn.Identity()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = F.relu(self.fc1(x.view(-1, 320)))
        out = F.log_softmax(self.fc2(x), dim=1)
        if self.training:
            out = out + 0.01 * torch.randn_like(out)
        return out
