# Mistake: character tokens leave out the spaces between words.
# Expect: Character tokens keep the spaces
def tokenize(lines, token="word"):
    """Split each line into word or character tokens."""
    if token == "word":
        return [line.split() for line in lines]
    if token == "char":
        return [[c for c in line if c != " "] for line in lines]
    raise ValueError(f"unknown token type {token!r}")
