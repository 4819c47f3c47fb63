# Mistake: seeds the random generator inside data_iter "for reproducibility", so every pass has the same order.
# Expect: fresh random order each pass
def data_iter(batch_size, features, labels):
    """Yield (X, y) minibatches in a random order."""
    num_examples = len(features)
    indices = list(range(num_examples))
    random.seed(42)
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        j = torch.tensor(indices[i:min(i + batch_size, num_examples)])
        yield features.index_select(0, j), labels.index_select(0, j)
