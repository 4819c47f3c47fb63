# Alternative: Counter.most_common() for the order, plain attributes for unk and token_freqs
class Vocab:
    """Vocabulary for text: token <-> index, with '<unk>' at index 0."""

    unk = 0

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        if tokens is None:
            tokens = []
        self.token_freqs = count_corpus(tokens).most_common()  # noqa: F821 (the notebook's)
        candidates = ["<unk>", *(reserved_tokens or [])]
        candidates += [token for token, freq in self.token_freqs if freq >= min_freq]
        self.idx_to_token = list(dict.fromkeys(candidates))  # first occurrence wins
        self.token_to_idx = {token: i for i, token in enumerate(self.idx_to_token)}

    def __len__(self):
        return len(self.token_to_idx)

    def __getitem__(self, tokens):
        if isinstance(tokens, (list, tuple)):
            return [self.token_to_idx.get(token, self.unk) for token in tokens]
        return self.token_to_idx.get(tokens, self.unk)

    def to_tokens(self, indices):
        if isinstance(indices, (list, tuple)):
            return [self.idx_to_token[i] for i in indices]
        return self.idx_to_token[indices]
