# Alternative: one shuffled copy of both tensors per pass, then plain slices of it
from collections.abc import Iterator

import torch


def data_iter(
    batch_size: int, features: torch.Tensor, labels: torch.Tensor
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield (X, y) minibatches of (features, labels) in a random order."""
    order = torch.randperm(len(labels))
    shuffled_features, shuffled_labels = features[order], labels[order]  # copies, not views
    start = 0
    while start < len(labels):
        yield (shuffled_features[start:start + batch_size],
               shuffled_labels[start:start + batch_size])
        start += batch_size
