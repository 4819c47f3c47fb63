# Mistake: loops over range(0, num_examples - batch_size, batch_size), which skips the tail and yields nothing when batch_size exceeds the data.
# Expect: no example is dropped
def data_iter(batch_size, features, labels):
    """Yield (X, y) minibatches in a random order."""
    num_examples = len(features)
    indices = torch.randperm(num_examples)
    for i in range(0, num_examples - batch_size, batch_size):
        j = indices[i:i + batch_size]
        yield features[j], labels[j]
