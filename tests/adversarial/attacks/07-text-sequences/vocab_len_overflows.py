# ruff: noqa
# Attack: a Vocab that claims 10**12 tokens, so that a grader listing every index would run out of memory or time
# Cell: Vocab
# Expect: expected the number of tokens
class Vocab:
    """Wrong: an enormous length, and lookups that cost nothing to answer."""

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        pass

    def __len__(self):
        return 10 ** 12

    def __getitem__(self, tokens):
        return [0] * len(tokens) if isinstance(tokens, list) else 0

    def to_tokens(self, indices):
        return ["<unk>"] * len(indices) if isinstance(indices, list) else "<unk>"

    @property
    def unk(self):
        return 0

    @property
    def token_freqs(self):
        return []
