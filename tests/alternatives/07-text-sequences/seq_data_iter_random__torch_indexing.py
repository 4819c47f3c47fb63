# Alternative: torch.randint for the offset, torch.randperm for the order, rows by tensor indexing
import torch


def seq_data_iter_random(corpus, batch_size, num_steps):
    """Minibatches of random, non-overlapping subsequences of corpus, in random order."""
    offset = int(torch.randint(0, num_steps, ()))
    tokens = torch.tensor(corpus[offset:], dtype=torch.int64)
    num_subseqs = max(0, (len(tokens) - 1) // num_steps)
    starts = torch.randperm(num_subseqs) * num_steps
    window = torch.arange(num_steps)
    for i in range(num_subseqs // batch_size):
        rows = starts[i * batch_size:(i + 1) * batch_size, None] + window  # (batch, steps)
        yield tokens[rows], tokens[rows + 1]
