"""Reference solutions for 07-text-sequences.

Generated from source/07-text-sequences/07-text-sequences.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import collections
import random

import torch

torch.manual_seed(0)
random.seed(0)


def tokenize(lines: list[str], token: str = "word") -> list[list[str]]:
    """Split each line into word tokens (token='word') or character tokens (token='char').

    Returns one list of tokens per line, in order. 'word' splits on whitespace, so a blank
    line gives []; 'char' keeps every character, spaces included. Any other token type
    raises ValueError.
    """
    if token == "word":
        return [line.split() for line in lines]
    if token == "char":
        return [list(line) for line in lines]
    raise ValueError(f"unknown token type {token!r}: use 'word' or 'char'")


def count_corpus(tokens: list) -> collections.Counter:
    """Count tokens: a flat list of tokens, or a list of lines (lists) of tokens, or [].

    Returns a collections.Counter mapping each token to its number of occurrences.
    """
    if tokens and isinstance(tokens[0], list):
        tokens = [token for line in tokens for token in line]  # flatten, in order
    return collections.Counter(tokens)


class Vocab:
    """Vocabulary for text: token <-> index, with '<unk>' at index 0.

    tokens: a flat list of tokens or a list of lines of tokens (or None for none);
    min_freq: tokens that occur fewer times are left out (they map to '<unk>');
    reserved_tokens: tokens that get the indices right after '<unk>', in order.
    """

    def __init__(self, tokens: list | None = None, min_freq: int = 0,
                 reserved_tokens: list[str] | None = None) -> None:
        counter = count_corpus(tokens if tokens is not None else [])
        # most frequent first; sorted is stable, so equal counts stay in first-seen order
        self._token_freqs = sorted(counter.items(), key=lambda pair: pair[1], reverse=True)
        self.idx_to_token = ["<unk>"]
        self.token_to_idx = {"<unk>": 0}
        for token in list(reserved_tokens or []) + [
                token for token, freq in self._token_freqs if freq >= min_freq]:
            if token not in self.token_to_idx:
                self.token_to_idx[token] = len(self.idx_to_token)
                self.idx_to_token.append(token)

    def __len__(self) -> int:
        return len(self.idx_to_token)

    def __getitem__(self, tokens):
        """The index of a token (0 if unknown), or a list of indices for a list of tokens."""
        if not isinstance(tokens, (list, tuple)):
            return self.token_to_idx.get(tokens, self.unk)
        return [self[token] for token in tokens]

    def to_tokens(self, indices):
        """The token of an index, or a list of tokens for a list of indices."""
        if not isinstance(indices, (list, tuple)):
            return self.idx_to_token[indices]
        return [self.idx_to_token[index] for index in indices]

    @property
    def unk(self) -> int:
        """The index of the unknown token: 0."""
        return 0

    @property
    def token_freqs(self) -> list[tuple[str, int]]:
        """(token, count) of every corpus token, most frequent first, before min_freq."""
        return self._token_freqs


def seq_data_iter_random(corpus: list[int], batch_size: int, num_steps: int):
    """Minibatches of random, non-overlapping subsequences of corpus, in random order.

    corpus: a list of token indices. Starts at a random offset in [0, num_steps - 1].
    Yields (X, Y), int64 tensors of shape (batch_size, num_steps), where Y is X shifted
    one token to the right in the corpus. Only full batches, as many as fit.
    """
    corpus = corpus[random.randint(0, num_steps - 1):]  # a random offset
    num_subseqs = (len(corpus) - 1) // num_steps        # - 1: the last label needs a token
    initial_indices = list(range(0, num_subseqs * num_steps, num_steps))
    random.shuffle(initial_indices)                     # subsequences in random order
    num_batches = num_subseqs // batch_size
    for i in range(0, batch_size * num_batches, batch_size):
        starts = initial_indices[i:i + batch_size]
        X = [corpus[j:j + num_steps] for j in starts]
        Y = [corpus[j + 1:j + 1 + num_steps] for j in starts]
        yield torch.tensor(X), torch.tensor(Y)


def seq_data_iter_sequential(corpus: list[int], batch_size: int, num_steps: int):
    """Minibatches in which row i of each batch continues row i of the batch before.

    corpus: a list of token indices. Starts at a random offset in [0, num_steps].
    Yields (X, Y), int64 tensors of shape (batch_size, num_steps), where Y is X shifted
    one token to the right in the corpus; as many full batches as fit after the offset.
    """
    offset = random.randint(0, num_steps)
    num_tokens = max(0, (len(corpus) - offset - 1) // batch_size * batch_size)
    Xs = torch.tensor(corpus[offset:offset + num_tokens], dtype=torch.int64)
    Ys = torch.tensor(corpus[offset + 1:offset + 1 + num_tokens], dtype=torch.int64)
    Xs, Ys = Xs.reshape(batch_size, -1), Ys.reshape(batch_size, -1)  # one piece per row
    num_batches = Xs.shape[1] // num_steps
    for i in range(0, num_steps * num_batches, num_steps):
        yield Xs[:, i:i + num_steps], Ys[:, i:i + num_steps]
