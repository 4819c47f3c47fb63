# Alternative: the course's list of indices shuffled by random.shuffle, batches by torch.tensor
import random
from collections.abc import Iterator

import torch


def data_iter(
    batch_size: int, features: torch.Tensor, labels: torch.Tensor
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Yield (X, y) minibatches of (features, labels) in a random order."""
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)  # a fresh random order every pass
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i:min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]
