# Mistake: takes Ys from the same positions as Xs.
# Expect: shifted
def seq_data_iter_sequential(corpus, batch_size, num_steps):
    """Minibatches in which row i of each batch continues row i of the batch before."""
    offset = random.randint(0, num_steps)
    num_tokens = max(0, (len(corpus) - offset - 1) // batch_size * batch_size)
    Xs = torch.tensor(corpus[offset:offset + num_tokens], dtype=torch.int64)
    Ys = torch.tensor(corpus[offset:offset + num_tokens], dtype=torch.int64)
    Xs, Ys = Xs.reshape(batch_size, -1), Ys.reshape(batch_size, -1)
    num_batches = Xs.shape[1] // num_steps
    for i in range(0, num_steps * num_batches, num_steps):
        yield Xs[:, i:i + num_steps], Ys[:, i:i + num_steps]
