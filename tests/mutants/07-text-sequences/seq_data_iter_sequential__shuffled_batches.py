# Mistake: yields the batches in a random order, so row i no longer continues from one batch to the next.
# Expect: right after the rows of batch
def seq_data_iter_sequential(corpus, batch_size, num_steps):
    """Minibatches in which row i of each batch continues row i of the batch before."""
    offset = random.randint(0, num_steps)
    num_tokens = max(0, (len(corpus) - offset - 1) // batch_size * batch_size)
    Xs = torch.tensor(corpus[offset:offset + num_tokens], dtype=torch.int64)
    Ys = torch.tensor(corpus[offset + 1:offset + 1 + num_tokens], dtype=torch.int64)
    Xs, Ys = Xs.reshape(batch_size, -1), Ys.reshape(batch_size, -1)
    num_batches = Xs.shape[1] // num_steps
    starts = list(range(0, num_steps * num_batches, num_steps))
    random.shuffle(starts)
    for i in starts:
        yield Xs[:, i:i + num_steps], Ys[:, i:i + num_steps]
