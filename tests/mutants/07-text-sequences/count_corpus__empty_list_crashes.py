# Mistake: looks at tokens[0] without checking that there is one, so count_corpus([]) raises IndexError.
# Expect: IndexError
# Expect: before looking at tokens[0]
def count_corpus(tokens):
    """Count the tokens of a flat list or of a list of lines."""
    if isinstance(tokens[0], list):
        tokens = [token for line in tokens for token in line]
    return collections.Counter(tokens)
