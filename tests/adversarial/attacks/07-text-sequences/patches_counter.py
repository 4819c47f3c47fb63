# ruff: noqa
# Attack: patch collections.Counter (its most_common, items and the name itself) so that a wrong count looks right to code that reads it through them
# Cell: count_corpus
# Expect: counted
import collections

_Real = collections.Counter


class Liar(_Real):
    """Reports the counts that the tokens really have, whatever it holds."""

    def most_common(self, n=None):
        return _Real(getattr(self, "tokens", [])).most_common(n)

    def items(self):
        return _Real(getattr(self, "tokens", [])).items()


collections.Counter = Liar
_Real.most_common = lambda self, n=None: Liar.most_common(self, n)


def count_corpus(tokens):
    """Wrong: every token counted once, dressed up by the patched Counter."""
    if tokens and isinstance(tokens[0], list):
        tokens = [t for line in tokens for t in line]
    counter = collections.Counter(set(tokens))
    counter.tokens = list(tokens)
    return counter
