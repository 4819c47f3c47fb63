# Alternative: sorts by (-count, position of first occurrence) with its own counting loop
class Vocab:
    """Vocabulary for text: token <-> index, with '<unk>' at index 0."""

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        counts, first_seen = {}, {}
        flat = tokens or []
        if flat and isinstance(flat[0], list):
            flat = [token for line in flat for token in line]
        for position, token in enumerate(flat):
            counts[token] = counts.get(token, 0) + 1
            first_seen.setdefault(token, position)
        self._freqs = sorted(counts.items(), key=lambda tf: (-tf[1], first_seen[tf[0]]))
        self.idx_to_token = ["<unk>"]
        for token in reserved_tokens or []:
            if token not in self.idx_to_token:
                self.idx_to_token.append(token)
        known = set(self.idx_to_token)
        for token, freq in self._freqs:
            if freq >= min_freq and token not in known:
                self.idx_to_token.append(token)
                known.add(token)
        self.token_to_idx = {token: i for i, token in enumerate(self.idx_to_token)}

    def __len__(self):
        return len(self.idx_to_token)

    def __getitem__(self, tokens):
        if not isinstance(tokens, (list, tuple)):
            return self.token_to_idx.get(tokens, 0)
        return [self.__getitem__(token) for token in tokens]

    def to_tokens(self, indices):
        if not isinstance(indices, (list, tuple)):
            return self.idx_to_token[indices]
        return [self.to_tokens(index) for index in indices]

    @property
    def unk(self):
        return self.token_to_idx["<unk>"]

    @property
    def token_freqs(self):
        return list(self._freqs)
