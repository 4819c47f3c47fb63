# Mistake: never shuffles: the batches come in the original order of the data.
# Expect: original order
def data_iter(batch_size, features, labels):
    """Yield (X, y) minibatches in a random order."""
    num_examples = len(features)
    for i in range(0, num_examples, batch_size):
        yield features[i:i + batch_size], labels[i:i + batch_size]
