# Mistake: prints an error for an unknown token type and returns None instead of raising ValueError.
# Expect: expected it to raise ValueError
def tokenize(lines, token="word"):
    """Split each line into word or character tokens."""
    if token == "word":
        return [line.split() for line in lines]
    elif token == "char":
        return [list(line) for line in lines]
    else:
        print("ERROR: unknown token type: " + token)
