# Alternative: the library route, a shuffling DataLoader over a TensorDataset
from collections.abc import Iterator

import torch
from torch.utils.data import DataLoader, TensorDataset


def data_iter(
    batch_size: int, features: torch.Tensor, labels: torch.Tensor
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield (X, y) minibatches of (features, labels) in a random order."""
    loader = DataLoader(TensorDataset(features, labels), batch_size=batch_size, shuffle=True)
    yield from map(tuple, loader)  # the loader gives [X, y] lists
