# Alternative: log-softmax as x - logsumexp(x), reshape, the layers made in another order
import torch
import torch.nn.functional as F
from torch import nn


class MnistNet(nn.Module):
    """The classic MNIST CNN."""

    def __init__(self):
        super().__init__()
        self.fc2 = nn.Linear(50, 10)
        self.fc1 = nn.Linear(320, 50)
        self.conv2_drop = nn.Dropout2d()
        self.conv2 = nn.Conv2d(10, 20, 5)
        self.conv1 = nn.Conv2d(1, 10, 5)

    def forward(self, x):
        x = torch.relu(F.max_pool2d(self.conv1(x), kernel_size=2, stride=2))
        x = torch.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), kernel_size=2, stride=2))
        x = x.reshape(x.shape[0], -1)
        x = F.dropout(torch.relu(self.fc1(x)), p=0.5, training=self.training)
        logits = self.fc2(x)
        return logits - torch.logsumexp(logits, dim=1, keepdim=True)
