# Alternative: torch.randperm cut into batches by torch.split, rows taken by index_select
from collections.abc import Iterator

import torch


def data_iter(
    batch_size: int, features: torch.Tensor, labels: torch.Tensor
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield (X, y) minibatches of (features, labels) in a random order."""
    for batch_indices in torch.randperm(features.shape[0]).split(batch_size):
        yield features.index_select(0, batch_indices), labels.index_select(0, batch_indices)
