# Alternative: every prediction and label collected, concatenated, and compared at once
from collections.abc import Callable, Iterable

import torch
from torch import nn


def evaluate_accuracy(net: nn.Module | Callable[[torch.Tensor], torch.Tensor],
                      data_iter: Iterable) -> float:
    """Accuracy of net over all of data_iter, every example weighted equally."""
    if isinstance(net, nn.Module):
        net.eval()
    predictions, labels = [], []
    with torch.inference_mode():
        for X, y in data_iter:
            predictions.append(net(X).argmax(dim=1))
            labels.append(y)
    return (torch.cat(predictions) == torch.cat(labels)).double().mean().item()
