# Mistake: always flattens, so a flat list of words is counted letter by letter.
# Expect: a flat list of words flattened becomes a list of letters
def count_corpus(tokens):
    """Count the tokens of a flat list or of a list of lines."""
    tokens = [token for line in tokens for token in line]
    return collections.Counter(tokens)
