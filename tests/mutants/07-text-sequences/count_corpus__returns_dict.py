# Mistake: counts into a plain dict instead of returning a collections.Counter.
# Expect: not a collections.Counter
def count_corpus(tokens):
    """Count the tokens of a flat list or of a list of lines."""
    if tokens and isinstance(tokens[0], list):
        tokens = [token for line in tokens for token in line]
    counts = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    return counts
