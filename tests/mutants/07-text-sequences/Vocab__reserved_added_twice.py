# Mistake: adds a reserved token again when it also occurs in the corpus.
# Expect: Skip tokens already in the vocabulary
class Vocab:
    """Vocabulary for text: token <-> index, with '<unk>' at index 0."""

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        counter = count_corpus(tokens if tokens is not None else [])
        self._token_freqs = sorted(counter.items(), key=lambda pair: pair[1], reverse=True)
        self.idx_to_token = ["<unk>"]
        self.token_to_idx = {"<unk>": 0}
        self.idx_to_token += list(reserved_tokens or [])
        self.idx_to_token += [token for token, freq in self._token_freqs if freq >= min_freq]
        self.token_to_idx = {token: idx for idx, token in enumerate(self.idx_to_token)}

    def __len__(self):
        return len(self.idx_to_token)

    def __getitem__(self, tokens):
        if not isinstance(tokens, (list, tuple)):
            return self.token_to_idx.get(tokens, self.unk)
        return [self[token] for token in tokens]

    def to_tokens(self, indices):
        if not isinstance(indices, (list, tuple)):
            return self.idx_to_token[indices]
        return [self.idx_to_token[index] for index in indices]

    @property
    def unk(self):
        return 0

    @property
    def token_freqs(self):
        return self._token_freqs
