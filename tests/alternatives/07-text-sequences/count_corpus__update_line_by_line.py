# Alternative: an empty Counter updated line by line (a flat list is one line)
import collections


def count_corpus(tokens):
    """Count tokens: a flat list of tokens, or a list of lines of tokens, or []."""
    counter = collections.Counter()
    lines = tokens if len(tokens) > 0 and isinstance(tokens[0], list) else [tokens]
    for line in lines:
        counter.update(line)
    return counter
