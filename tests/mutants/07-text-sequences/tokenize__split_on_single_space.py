# Mistake: splits words with line.split(' '), which keeps empty strings for runs of spaces and blank lines.
# Expect: line.split(' ') keeps empty strings
def tokenize(lines, token="word"):
    """Split each line into word or character tokens."""
    if token == "word":
        return [line.split(" ") for line in lines]
    if token == "char":
        return [list(line) for line in lines]
    raise ValueError(f"unknown token type {token!r}")
