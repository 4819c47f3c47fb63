# Alternative: random.sample of the subsequence numbers, rows built as lists of list slices
import random

import torch


def seq_data_iter_random(corpus, batch_size, num_steps):
    """Minibatches of random, non-overlapping subsequences of corpus, in random order."""
    rest = corpus[random.randrange(num_steps):]
    count = (len(rest) - 1) // num_steps
    order = random.sample(range(count), count) if count > 0 else []
    full = len(order) - len(order) % batch_size
    for first in range(0, full, batch_size):
        chosen = [k * num_steps for k in order[first:first + batch_size]]
        X = torch.tensor([rest[s:s + num_steps] for s in chosen], dtype=torch.long)
        Y = torch.tensor([rest[s + 1:s + num_steps + 1] for s in chosen], dtype=torch.long)
        yield X, Y
