# Alternative: the notebook's accuracy times each batch's size, summed, divided by the total
from collections.abc import Callable, Iterable

import torch
from torch import nn


def evaluate_accuracy(net: nn.Module | Callable[[torch.Tensor], torch.Tensor],
                      data_iter: Iterable) -> float:
    """Accuracy of net over all of data_iter, every example weighted equally."""
    if isinstance(net, torch.nn.Module):
        net.train(False)  # the same as net.eval()
    weighted, total = 0.0, 0
    with torch.no_grad():
        for X, y in data_iter:
            weighted += accuracy(net(X), y) * len(y)  # noqa: F821 (the notebook's accuracy)
            total += len(y)
    return weighted / total
