# Alternative: torch.set_grad_enabled(False), a per-example Python loop, an eval check via hasattr
from collections.abc import Callable, Iterable

import torch
from torch import nn


def evaluate_accuracy(net: nn.Module | Callable[[torch.Tensor], torch.Tensor],
                      data_iter: Iterable) -> float:
    """Accuracy of net over all of data_iter, every example weighted equally."""
    if hasattr(net, "eval"):
        net.eval()
    right = seen = 0
    with torch.set_grad_enabled(False):
        for X, y in data_iter:
            for prediction, label in zip(net(X).argmax(dim=1).tolist(), y.tolist(),
                                         strict=True):
                right += prediction == label
                seen += 1
    return right / seen
