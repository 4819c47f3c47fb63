# Mistake: returns a lazy map object instead of a list of lists, so it can be read only once.
# Expect: expected a list
def tokenize(lines, token="word"):
    """Split each line into word or character tokens."""
    if token == "word":
        return map(str.split, lines)
    if token == "char":
        return map(list, lines)
    raise ValueError(f"unknown token type {token!r}")
