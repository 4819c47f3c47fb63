# Mistake: shuffles the caller's features and labels in place (features[:] = features[perm]), modifying the data set it was given.
# Expect: left as they were
def data_iter(batch_size, features, labels):
    """Yield (X, y) minibatches in a random order."""
    num_examples = len(features)
    perm = torch.randperm(num_examples)
    features[:] = features[perm]
    labels[:] = labels[perm]
    for i in range(0, num_examples, batch_size):
        yield features[i:i + batch_size], labels[i:i + batch_size]
