# ruff: noqa
# Attack: a Vocab whose lookups return a list subclass that equals anything and whose len() is an int subclass that agrees with every number
# Cell: Vocab
# Expect: expected
class Agreeable(list):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None


class Whatever(int):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __hash__(self):
        return 0


class Vocab:
    """Wrong: knows no token, answers with objects that agree with whatever they meet."""

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        self.idx_to_token = ["<unk>"]

    def __len__(self):
        return Whatever(1)

    def __getitem__(self, tokens):
        return Agreeable([0]) if isinstance(tokens, list) else Whatever(0)

    def to_tokens(self, indices):
        return Agreeable(["<unk>"]) if isinstance(indices, list) else "<unk>"

    @property
    def unk(self):
        return Whatever(0)

    @property
    def token_freqs(self):
        return Agreeable([])
