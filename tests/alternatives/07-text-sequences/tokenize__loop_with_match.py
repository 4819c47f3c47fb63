# Alternative: a match statement and an explicit loop that appends one list per line
def tokenize(lines, token="word"):
    """Split each line into word tokens (token='word') or character tokens (token='char')."""
    match token:
        case "word":
            split = str.split
        case "char":
            split = list
        case _:
            raise ValueError("unknown token type: " + str(token))
    result = []
    for line in lines:
        result.append(split(line))
    return result
