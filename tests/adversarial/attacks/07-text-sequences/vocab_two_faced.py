# ruff: noqa
# Attack: a Vocab that shows the right order through to_tokens (what a grader reads) but maps tokens with the wrong, ascending order (what a model uses), and lists its counts rarest first
# Cell: Vocab
# Expect: vocab[vocab.to_tokens(i)] == i
class Vocab:
    """Wrong where it matters: lookups use the rarest-first order."""

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        counter = count_corpus(tokens if tokens is not None else [])
        self._token_freqs = sorted(counter.items(), key=lambda pair: pair[1], reverse=True)
        shown = ["<unk>", *(reserved_tokens or [])]
        shown += [t for t, f in self._token_freqs if f >= min_freq and t not in shown]
        self.shown = shown
        used = shown[:1 + len(reserved_tokens or [])] + shown[1 + len(reserved_tokens or []):][::-1]
        self.token_to_idx = {token: i for i, token in enumerate(used)}

    def __len__(self):
        return len(self.shown)

    def __getitem__(self, tokens):
        if isinstance(tokens, (list, tuple)):
            return [self[t] for t in tokens]
        return self.token_to_idx.get(tokens, 0)

    def to_tokens(self, indices):
        if isinstance(indices, (list, tuple)):
            return [self.shown[i] for i in indices]
        return self.shown[indices]

    @property
    def unk(self):
        return 0

    @property
    def token_freqs(self):
        return self._token_freqs[::-1]
