# Mistake: takes Y from the same positions as X instead of one token further.
# Expect: shifted
def seq_data_iter_random(corpus, batch_size, num_steps):
    """Minibatches of random, non-overlapping subsequences of corpus, in random order."""
    corpus = corpus[random.randint(0, num_steps - 1):]
    num_subseqs = (len(corpus) - 1) // num_steps
    initial_indices = list(range(0, num_subseqs * num_steps, num_steps))
    random.shuffle(initial_indices)
    num_batches = num_subseqs // batch_size
    for i in range(0, batch_size * num_batches, batch_size):
        starts = initial_indices[i:i + batch_size]
        X = [corpus[j:j + num_steps] for j in starts]
        Y = [corpus[j:j + num_steps] for j in starts]
        yield torch.tensor(X), torch.tensor(Y)
