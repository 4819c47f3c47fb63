# Alternative: itertools.chain.from_iterable to flatten, detected with any() over the elements
import collections
import itertools


def count_corpus(tokens):
    """Count tokens: a flat list of tokens, or a list of lines of tokens, or []."""
    if any(isinstance(t, list) for t in tokens):
        return collections.Counter(itertools.chain.from_iterable(tokens))
    return collections.Counter(tokens)
