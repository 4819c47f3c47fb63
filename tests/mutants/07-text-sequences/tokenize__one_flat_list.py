# Mistake: returns one flat list of all tokens instead of one list per line.
# Expect: expected a list of strings
def tokenize(lines, token="word"):
    """Split each line into word or character tokens."""
    if token == "word":
        return [word for line in lines for word in line.split()]
    if token == "char":
        return [c for line in lines for c in line]
    raise ValueError(f"unknown token type {token!r}")
