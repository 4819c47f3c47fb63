# Alternative: torch.randint for the offset, Tensor.split along the columns, the short tail dropped
import torch


def seq_data_iter_sequential(corpus, batch_size, num_steps):
    """Minibatches in which row i of each batch continues row i of the batch before."""
    offset = int(torch.randint(0, num_steps + 1, ()))
    tokens = torch.tensor(corpus, dtype=torch.int64)[offset:]
    per_row = max(0, (len(tokens) - 1) // batch_size)
    Xs = tokens[:per_row * batch_size].view(batch_size, per_row)
    Ys = tokens[1:per_row * batch_size + 1].view(batch_size, per_row)
    for X, Y in zip(Xs.split(num_steps, dim=1), Ys.split(num_steps, dim=1), strict=True):
        if X.shape[1] == num_steps:
            yield X, Y
