# Mistake: counts a set of the tokens, so every token counts once.
# Expect: counted
def count_corpus(tokens):
    """Count the tokens of a flat list or of a list of lines."""
    if tokens and isinstance(tokens[0], list):
        tokens = [token for line in tokens for token in line]
    return collections.Counter(set(tokens))
