# Mistake: draws indices with torch.randint (with replacement), so some examples repeat and others never appear.
# Expect: exactly once
def data_iter(batch_size, features, labels):
    """Yield (X, y) minibatches in a random order."""
    num_examples = len(features)
    indices = torch.randint(0, num_examples, (num_examples,))
    for i in range(0, num_examples, batch_size):
        j = indices[i:i + batch_size]
        yield features[j], labels[j]
