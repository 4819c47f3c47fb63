# Alternative: a module's own mode put back afterwards (train again if it was training)
from collections.abc import Callable, Iterable

import torch
from torch import nn


def evaluate_accuracy(net: nn.Module | Callable[[torch.Tensor], torch.Tensor],
                      data_iter: Iterable) -> float:
    """Accuracy of net over all of data_iter, every example weighted equally."""
    was_training = isinstance(net, nn.Module) and net.training
    if isinstance(net, nn.Module):
        net.eval()
    right = total = 0
    with torch.no_grad():
        for X, y in data_iter:
            right += int((net(X).argmax(dim=1) == y).sum())
            total += len(y)
    if was_training:
        net.train()  # leave the module as it was given
    return right / total
