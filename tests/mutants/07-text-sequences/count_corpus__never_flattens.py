# Mistake: never flattens, so a list of lines makes Counter hash lists (TypeError).
# Expect: unhashable
# Expect: flatten
def count_corpus(tokens):
    """Count the tokens of a flat list or of a list of lines."""
    return collections.Counter(tokens)
