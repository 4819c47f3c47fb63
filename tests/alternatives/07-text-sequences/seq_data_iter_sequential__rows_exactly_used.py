# Alternative: plain lists, each row exactly as long as the batches use (rows packed tighter)
import random

import torch


def seq_data_iter_sequential(corpus, batch_size, num_steps):
    """Minibatches in which row i of each batch continues row i of the batch before."""
    offset = random.randint(0, num_steps)
    num_batches = max(0, (len(corpus) - offset - 1) // (batch_size * num_steps))
    row_length = num_batches * num_steps
    rows = [offset + i * row_length for i in range(batch_size)]
    for k in range(num_batches):
        X = [corpus[r + k * num_steps:r + (k + 1) * num_steps] for r in rows]
        Y = [corpus[r + k * num_steps + 1:r + (k + 1) * num_steps + 1] for r in rows]
        yield torch.tensor(X, dtype=torch.int64), torch.tensor(Y, dtype=torch.int64)
