# Mistake: yields only num_examples // batch_size full batches, dropping the last, smaller one.
# Expect: keep the last, smaller batch
def data_iter(batch_size, features, labels):
    """Yield (X, y) minibatches in a random order."""
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for k in range(num_examples // batch_size):
        batch_indices = torch.tensor(indices[k * batch_size:(k + 1) * batch_size])
        yield features[batch_indices], labels[batch_indices]
