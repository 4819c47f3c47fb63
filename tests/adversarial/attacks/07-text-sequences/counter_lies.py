# ruff: noqa
# Attack: return a dict subclass named Counter that holds wrong counts but whose most_common() and items() report the right ones
# Cell: count_corpus
# Expect: not a collections.Counter
import collections


class Counter(dict):
    """Holds every token with count 1; tells the truth only when asked through its methods."""

    def __init__(self, tokens):
        super().__init__((t, 1) for t in tokens)
        self._truth = collections.Counter(tokens)

    def most_common(self, n=None):
        return self._truth.most_common(n)

    def items(self):
        return self._truth.items()


def count_corpus(tokens):
    """Wrong: its contents are all ones."""
    if tokens and isinstance(tokens[0], list):
        tokens = [t for line in tokens for t in line]
    return Counter(tokens)
