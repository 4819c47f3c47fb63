"""Visible checks for 07-text-sequences: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions, so they run for a student
who does not have `solutions/`. The samplers are judged on the corpus 0, 1, ..., n - 1,
where every token is its own position in the corpus.
"""

import torch

from autograder import expect
from autograder.student import StudentError


def _token_lists(value, what):
    """The ladder for tokenize's result: a list of lists of strings."""
    expect.expect(type(value) is list, f"{what} returned {expect.describe(value)}, "
                  "expected a list with one list of tokens per line",
                  hint="Build the result with a list comprehension, not map() or a generator.")
    for i, line in enumerate(value):
        expect.expect(type(line) is list and all(type(t) is str for t in line),
                      f"line {i} of {what} is {expect.describe(line)}, expected a list of "
                      "strings")
    return value


# -- tokenize ---------------------------------------------------------------------------
def test_tokenize_words_and_chars(student):
    """'word': line.split() for each line (a blank line gives []); 'char': list(line)."""
    lines = ["the time machine", "", "by h g wells"]
    words = _token_lists(student.tokenize(lines, "word"), "tokenize(lines, 'word')")
    expect.expect(words == [["the", "time", "machine"], [], ["by", "h", "g", "wells"]],
                  f"tokenize({lines}, 'word') gave {words}, expected "
                  "[['the', 'time', 'machine'], [], ['by', 'h', 'g', 'wells']]")
    chars = _token_lists(student.tokenize(["ab c"], "char"), "tokenize(['ab c'], 'char')")
    expect.expect(chars == [["a", "b", " ", "c"]],
                  f"tokenize(['ab c'], 'char') gave {chars}, expected [['a', 'b', ' ', 'c']]",
                  hint="Character tokens keep the spaces: list(line).")


def test_tokenize_unknown_token_type(student):
    """Any token type other than 'word' or 'char' raises ValueError (do not print and go on)."""
    try:
        result = student.tokenize(["a b"], "sentence")
    except StudentError as error:
        if error.type == "NotImplementedError":
            raise
        expect.expect(error.type == "ValueError", f"tokenize(lines, 'sentence') raised "
                      f"{error.type}, expected ValueError")
        return
    expect.fail(f"tokenize(lines, 'sentence') returned {expect.describe(result)}, expected "
                "it to raise ValueError")


# -- count_corpus -----------------------------------------------------------------------
def _counts(student, tokens, what):
    """The student's Counter for `tokens`, as a plain dict of what it holds."""
    counter = student.keep("count_corpus", tokens)
    held = student.make("text_counter", counter=counter).call("copy")
    expect.expect(held["is_counter"], f"{what} returned {expect.describe(counter)}, which is "
                  "not a collections.Counter", hint="return collections.Counter(tokens)")
    return dict(held["items"])


def test_count_corpus_flat_list(student):
    """A flat list of tokens is counted as it is: Counter(tokens), not letter by letter."""
    tokens = ["the", "time", "the", "machine", "the"]
    counts = _counts(student, tokens, "count_corpus(a flat list)")
    expected = {"the": 3, "time": 1, "machine": 1}
    expect.expect(counts == expected, f"count_corpus({tokens}) counted {counts}, expected "
                  f"{expected}", hint="Flatten only a list of lists; a flat list of words "
                  "flattened becomes a list of letters.")


def test_count_corpus_list_of_lines(student):
    """A list of lines (lists of tokens) is flattened first, then counted."""
    tokens = [["the", "time"], ["the", "machine"], []]
    counts = _counts(student, tokens, "count_corpus(a list of lines)")
    expected = {"the": 2, "time": 1, "machine": 1}
    expect.expect(counts == expected, f"count_corpus({tokens}) counted {counts}, expected "
                  f"{expected}", hint="If tokens[0] is a list, flatten: "
                  "[token for line in tokens for token in line].")


# -- Vocab ------------------------------------------------------------------------------
_ONCE = ("Skip tokens already in the vocabulary (a reserved token that also occurs in the "
         "corpus, '<unk>'); a list default argument changed in place repeats them too: use "
         "reserved_tokens=None.")


def _all_tokens(vocab, what):
    """The vocabulary's tokens by index, to_tokens(list(range(len(vocab)))), checked to map
    back to their indices (vocab[token])."""
    size = vocab.call("__len__")
    expect.expect(type(size) is int and 0 < size <= 100_000, f"len({what}) returned "
                  f"{expect.describe(size)}, expected the number of tokens, an int")
    tokens = vocab.call("to_tokens", list(range(size)))
    expect.expect(type(tokens) is list and len(tokens) == size, f"{what}.to_tokens(a list of "
                  f"{size} indices) returned {expect.describe(tokens)}, expected {size} tokens")
    twice = next((t for i, t in enumerate(tokens) if t in tokens[:i]), None)
    expect.expect(twice is None, f"the token {twice!r} appears twice in the vocabulary, at "
                  f"indices {[i for i, t in enumerate(tokens) if t == twice]}; expected each "
                  "token once", hint=_ONCE)
    indices = vocab.call("__getitem__", tokens)
    expect.expect(indices == list(range(size)), f"{what}[its own tokens] gave "
                  f"{expect.describe(indices)}, expected each token's index: "
                  "vocab[vocab.to_tokens(i)] == i", hint="Build idx_to_token and "
                  "token_to_idx together, from the same list.")
    return tokens


def test_Vocab_known_order(student):
    """Index 0 is '<unk>', then tokens by count, most frequent first, ties in first-seen order."""
    tokens = "b a c a b a d".split()
    vocab = student.keep("Vocab", tokens)
    order = _all_tokens(vocab, "Vocab(tokens)")
    expected = ["<unk>", "a", "b", "c", "d"]
    expect.expect(order == expected, f"Vocab({tokens}) has the tokens {order} by index, "
                  f"expected {expected} ('a' 3 times, 'b' twice, 'c' and 'd' once, 'c' first)",
                  hint="Sort the counts with reverse=True (most frequent first), keep "
                       "'<unk>' at index 0.")
    index = vocab.call("__getitem__", "a")
    expect.expect(index == 1, f"vocab['a'] gave {index!r}, expected 1")


def test_Vocab_unknown_tokens(student):
    """Unknown tokens map to 0 (token_to_idx.get(token, 0)); vocab.unk is 0; lists work too."""
    vocab = student.keep("Vocab", "b a c a b a d".split())
    unknown = vocab.call("__getitem__", "zebra")
    expect.expect(unknown == 0, f"vocab['zebra'] (not in the corpus) gave {unknown!r}, "
                  "expected 0, the index of '<unk>'")
    indices = vocab.call("__getitem__", ["a", "zebra", "d"])
    expect.expect(indices == [1, 0, 4], f"vocab[['a', 'zebra', 'd']] gave {indices!r}, "
                  "expected [1, 0, 4]", hint="A list of tokens gives the list of their indices.")


# -- seq_data_iter_random and seq_data_iter_sequential --------------------------------------
def _one_pass(student, name, corpus, batch_size, num_steps):
    """Every (X, Y) of one pass, checked for type, shape and dtype."""
    batches, done = student.keep(name, corpus, batch_size, num_steps).draw(1000)
    expect.expect(done, f"{name} did not stop after 1000 batches",
                  hint="Yield each batch once, then stop.")
    shape = (batch_size, num_steps)
    for k, batch in enumerate(batches):
        expect.expect(isinstance(batch, (tuple, list)) and len(batch) == 2,
                      f"batch {k} is {expect.describe(batch)}, expected a pair (X, Y)")
        expect.tensor(batch[0], f"X of batch {k}", shape=shape, dtype=torch.int64,
                      hint="Only full batches of batch_size rows of num_steps tokens.")
        expect.tensor(batch[1], f"Y of batch {k}", shape=shape, dtype=torch.int64)
    return [(X, Y) for X, Y in batches]


def _expect_shifted_runs(batches):
    """On the corpus 0..n-1: every row of X is consecutive, and Y is X plus one."""
    for k, (X, Y) in enumerate(batches):
        for row in X.tolist():
            expect.expect(row == list(range(row[0], row[0] + len(row))), f"a row of X in "
                          f"batch {k} is {row}: not consecutive tokens of the corpus 0, 1, 2, ...",
                          hint="Each row is corpus[start:start + num_steps].")
        expect.expect(torch.equal(Y, X + 1), f"in batch {k}, Y is {Y.tolist()} for X "
                      f"{X.tolist()}: expected X shifted one token right (here X + 1)",
                      hint="Y is corpus[start + 1:start + 1 + num_steps].")


def test_seq_data_iter_random_shapes_and_shift(student):
    """Each batch: X and Y int64 of shape (batch_size, num_steps), Y = X shifted by one token."""
    batches = _one_pass(student, "seq_data_iter_random", list(range(35)), 2, 5)
    expect.expect(len(batches) > 0, "seq_data_iter_random(0..34, batch_size=2, num_steps=5) "
                  "gave no batch, expected 3")
    _expect_shifted_runs(batches)


def test_seq_data_iter_random_no_overlap(student):
    """Subsequences start num_steps apart after the offset: none overlaps, 3 batches here."""
    batches = _one_pass(student, "seq_data_iter_random", list(range(35)), 2, 5)
    used = torch.cat([X.reshape(-1) for X, _ in batches])
    expect.expect(len(set(used.tolist())) == len(used), "the rows of X of one pass share "
                  f"tokens: positions {sorted(used.tolist())}; expected no overlap",
                  hint="Start positions range(0, num_subseqs * num_steps, num_steps), "
                       "shuffled; not every position.")
    expect.expect(len(batches) == 3, f"corpus 0..34 with batch_size=2, num_steps=5 gave "
                  f"{len(batches)} batches, expected 3 ((35 - offset - 1) // 5 = 6 "
                  "subsequences for every offset 0..4)")


def test_seq_data_iter_sequential_shapes_and_shift(student):
    """Each batch: X and Y int64 of shape (batch_size, num_steps), Y = X shifted by one token."""
    batches = _one_pass(student, "seq_data_iter_sequential", list(range(35)), 2, 5)
    expect.expect(len(batches) > 0, "seq_data_iter_sequential(0..34, batch_size=2, "
                  "num_steps=5) gave no batch, expected 3")
    _expect_shifted_runs(batches)


def test_seq_data_iter_sequential_rows_continue(student):
    """Row i of the next batch starts right after row i of this one (reshape to (batch, -1))."""
    batches = _one_pass(student, "seq_data_iter_sequential", list(range(35)), 2, 5)
    for k in range(len(batches) - 1):
        ends, starts = batches[k][0][:, -1], batches[k + 1][0][:, 0]
        expect.expect(torch.equal(starts, ends + 1), f"rows of batch {k + 1} start at "
                      f"{starts.tolist()}, expected {(ends + 1).tolist()}, right after the "
                      f"rows of batch {k}",
                      hint="Reshape the kept tokens to (batch_size, -1) and take num_steps "
                           "columns at a time, in order.")
