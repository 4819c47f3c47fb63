"""Hidden checks for 07-text-sequences: against the reference, edge cases, sampler properties.

Each check's docstring is the hint shown when it fails. The samplers are random by
contract, so they are judged by properties over many seeds (the check sets `student.seed`,
with which the worker seeds `random`, torch and numpy before the call), never against one
random stream: shapes, the shift by one, where the rows come from, the offsets seen, how
many batches come out.
"""

import itertools

import torch

from autograder import expect
from autograder.engine import visible_of
from autograder.text_data import pydoc_lines

_visible = visible_of(__file__)
_counts = _visible._counts  # the student's Counter, as a plain dict of what it holds
_all_tokens = _visible._all_tokens  # the vocabulary's tokens, checked to map back


def _lines(n: int = 60) -> list[str]:
    """Real lines of text: a stretch of Python's help texts, blank lines included."""
    return list(pydoc_lines()[200:200 + n])


# -- tokenize ---------------------------------------------------------------------------
def _tokenized(student, lines, token):
    result = student.tokenize(lines, token)
    expect.expect(type(result) is list and all(type(line) is list for line in result),
                  f"tokenize(lines, {token!r}) returned {expect.describe(result)}, expected a "
                  "list of lists of tokens")
    return result


def test_tokenize_whitespace_and_blank_lines(student):
    """'word' splits with line.split() (no argument): runs of spaces and tabs, blank lines -> []."""
    lines = ["  two  spaces ", "a\ttab", "", "   "]
    expected = [["two", "spaces"], ["a", "tab"], [], []]
    got = _tokenized(student, lines, "word")
    expect.expect(got == expected, f"tokenize({lines}, 'word') gave {got}, expected {expected}",
                  hint="line.split(' ') keeps empty strings; line.split() does not.")


def test_tokenize_matches_reference(student, reference):
    """One list of tokens per line, in order, words by split(), characters by list(line)."""
    lines = _lines()
    for token in ("word", "char"):
        got, expected = _tokenized(student, lines, token), reference.tokenize(lines, token)
        wrong = next((i for i, (g, e) in enumerate(zip(got, expected, strict=False)) if g != e),
                     None)
        expect.expect(len(got) == len(expected) and wrong is None,
                      f"tokenize of {len(lines)} lines of text with token={token!r} gave "
                      f"{len(got)} lines" + (f"; line {wrong} is {got[wrong][:12]}, expected "
                                             f"{expected[wrong][:12]}" if wrong is not None
                                             else f", expected {len(expected)}"))


# -- count_corpus -----------------------------------------------------------------------
def test_count_corpus_empty(student):
    """count_corpus([]) is an empty Counter: check `tokens and ...` before looking at tokens[0]."""
    for tokens, expected in (([], {}), ([[], []], {}), ([[], ["a", "a"]], {"a": 2})):
        counts = _counts(student, tokens, f"count_corpus({tokens})")
        expect.expect(counts == expected, f"count_corpus({tokens}) counted {counts}, "
                      f"expected {expected}")


def test_count_corpus_matches_reference(student, reference):
    """Counter of every token: of a flat list as it is, of a list of lines flattened first."""
    lines = reference.tokenize(_lines(), "word")
    flat = [token for line in lines for token in line]
    expected = dict(reference.count_corpus(flat))
    for tokens, what in ((flat, "a flat list of words"), (lines, "a list of lines of words")):
        counts = _counts(student, tokens, f"count_corpus({what})")
        wrong = sorted(set(counts.items()) ^ set(expected.items()))[:4]
        expect.expect(counts == expected, f"count_corpus({what} of real text) counted "
                      f"{len(counts)} different tokens, expected {len(expected)}; differences "
                      f"at {wrong}")


# -- Vocab ------------------------------------------------------------------------------
def _attribute(remote, name):
    """An attribute or property of an object in the worker, read there, sent back as data."""
    return remote.student.request("getattr", {"handle": remote.handle, "attrs": [name]})


def _vocab(student, *args, **kwargs):
    """The student's Vocab, and its tokens by index, checked to map back to their indices."""
    vocab = student.keep("Vocab", *args, **kwargs)
    return vocab, _all_tokens(vocab, "Vocab(...)")


def _expect_order(got, expected, what, hint=""):
    first = next((i for i, (g, e) in enumerate(zip(got, expected, strict=False)) if g != e),
                 min(len(got), len(expected)))
    expect.expect(got == expected, f"{what} has {len(got)} tokens, expected {len(expected)}; "
                  f"from index {first} it has {got[first:first + 5]}, expected "
                  f"{expected[first:first + 5]}", hint=hint)


def test_Vocab_matches_reference(student, reference):
    """'<unk>', the reserved tokens, then tokens with count >= min_freq, most frequent first."""
    tokens = reference.tokenize(_lines(200), "word")
    for min_freq, reserved in ((0, None), (3, ["<pad>", "<bos>", "<eos>"])):
        _, got = _vocab(student, tokens, min_freq, reserved)
        expected = reference.Vocab(tokens, min_freq, reserved).idx_to_token
        _expect_order(got, expected, f"Vocab(words of real text, min_freq={min_freq}, "
                      f"reserved_tokens={reserved})")


def test_Vocab_ties_in_first_seen_order(student):
    """Equal counts keep first-seen order: sort by count only, with a stable sort (sorted)."""
    tokens = list("zyxwwvu")  # w twice; z, y, x, v, u once each, seen in that order
    _, got = _vocab(student, tokens)
    _expect_order(got, ["<unk>", "w", "z", "y", "x", "v", "u"], f"Vocab({tokens})",
                  hint="sorted(counter.items(), key=lambda x: x[1], reverse=True): not by "
                       "token, and Counter keeps the first-seen order.")


def test_Vocab_min_freq_boundary(student):
    """Keep tokens whose count is at least min_freq (freq >= min_freq); the rest map to '<unk>'."""
    tokens = list("aaabbc")  # a: 3, b: 2, c: 1
    vocab, got = _vocab(student, tokens, min_freq=2)
    _expect_order(got, ["<unk>", "a", "b"], "Vocab('aaabbc', min_freq=2)",
                  hint="A token seen exactly min_freq times stays: freq >= min_freq.")
    index = vocab.call("__getitem__", "c")
    expect.expect(index == 0, f"vocab['c'] (below min_freq) gave {index!r}, expected 0")


def test_Vocab_reserved_tokens(student):
    """'<unk>' at 0, then the reserved tokens in order; one that also occurs keeps its index."""
    reserved = ["<pad>", "<bos>", "<eos>"]
    tokens = ["x", "<eos>", "y", "x", "<eos>", "<eos>"]
    vocab, got = _vocab(student, tokens, reserved_tokens=reserved)
    _expect_order(got, ["<unk>", "<pad>", "<bos>", "<eos>", "x", "y"],
                  f"Vocab({tokens}, reserved_tokens={reserved})",
                  hint="Skip corpus tokens that are already in the vocabulary.")
    unk = _attribute(vocab, "unk")
    expect.expect(unk == 0, f"vocab.unk is {unk!r}, expected 0: '<unk>' comes first, before "
                  "the reserved tokens")


def test_Vocab_flat_nested_or_none(student):
    """tokens may be a flat list, a list of lines (use count_corpus), or None (no tokens)."""
    lines = [["the", "time"], ["the", "machine"]]
    _, nested = _vocab(student, lines)
    _, flat = _vocab(student, [token for line in lines for token in line])
    _expect_order(nested, flat, "Vocab(a list of lines)")
    _expect_order(nested, ["<unk>", "the", "time", "machine"], "Vocab(a list of lines)")
    _, empty = _vocab(student, None, 0, ["<pad>"])
    _expect_order(empty, ["<unk>", "<pad>"], "Vocab(None, reserved_tokens=['<pad>'])",
                  hint="tokens=None means no corpus: start from an empty list.")


def test_Vocab_to_tokens_round_trip(student, reference):
    """to_tokens(vocab[tokens]) gives the tokens back; to_tokens(i) is the token at index i."""
    tokens = reference.tokenize(_lines(100), "word")
    vocab, order = _vocab(student, tokens)
    line = [token for line in tokens for token in line][:40]
    back = vocab.call("to_tokens", vocab.call("__getitem__", line))
    expect.expect(back == line, f"to_tokens(vocab[tokens]) gave {back[:8]} ..., expected the "
                  f"tokens {line[:8]} ...")
    for index in (0, 1, len(order) - 1):
        token = vocab.call("to_tokens", index)
        expect.expect(token == order[index], f"vocab.to_tokens({index}) gave {token!r}, "
                      f"expected {order[index]!r}")


def test_Vocab_token_freqs(student, reference):
    """token_freqs: (token, count) of the whole corpus, most frequent first, before min_freq."""
    tokens = reference.tokenize(_lines(100), "word")
    vocab = student.keep("Vocab", tokens, 5)
    got = _attribute(vocab, "token_freqs")
    expected = reference.Vocab(tokens, 5).token_freqs
    got = [tuple(pair) for pair in got] if isinstance(got, (list, tuple)) else got
    expect.expect(got == expected, f"vocab.token_freqs gave {expect.describe(got)} starting "
                  f"{got[:3] if isinstance(got, list) else got}, expected {len(expected)} "
                  f"(token, count) pairs starting {expected[:3]}",
                  hint="Keep every token's count, also those below min_freq.")


def test_Vocab_fresh_each_time(student):
    """Each Vocab is built anew: no list default argument changed in place, no input changed."""
    reserved = student.make("text_list", items=["<pad>"])
    _, first = _vocab(student, list("abca"), 0, reserved)
    _, second = _vocab(student, list("abca"))
    _expect_order(second, ["<unk>", "a", "b", "c"], "a second Vocab('abca'), made after "
                  "another one", hint="Use reserved_tokens=None and make a new list inside.")
    after = reserved.call("copy")
    expect.expect(after == ["<pad>"], f"the reserved_tokens list passed in became {after}, "
                  "expected it unchanged: ['<pad>']")
    _expect_order(first, ["<unk>", "<pad>", "a", "b", "c"], "Vocab('abca', 0, ['<pad>'])")


# -- samplers: properties -----------------------------------------------------------------
def _checked(batches, done, name, corpus, batch_size, num_steps):
    """A pass's batches, each checked to be a pair of int64 (batch_size, num_steps) tensors."""
    expect.expect(done, f"{name} did not stop after 10000 batches")
    for k, batch in enumerate(batches):
        expect.expect(isinstance(batch, (tuple, list)) and len(batch) == 2,
                      f"batch {k} is {expect.describe(batch)}, expected a pair (X, Y)")
        for tensor, what in zip(batch, ("X", "Y"), strict=True):
            expect.tensor(tensor, f"{what} of batch {k} (batch_size={batch_size}, "
                          f"num_steps={num_steps}, a corpus of {len(corpus)})",
                          shape=(batch_size, num_steps), dtype=torch.int64,
                          hint="Only full batches: drop what does not fill one.")
    return list(batches)


def _pass(student, name, corpus, batch_size, num_steps):
    """One pass of a sampler, with the check's own seed."""
    batches, done = student.keep(name, corpus, batch_size, num_steps).draw(10000)
    return _checked(batches, done, name, corpus, batch_size, num_steps)


def _passes(student, name, corpus, batch_size, num_steps, seeds):
    """One pass per seed (the worker seeds random, torch and numpy before each), in one go."""
    sampler = student.request("getattr", {"name": name}, keep=True)
    passes = student.make("text_sampler_passes", sampler=sampler, corpus=corpus,
                          batch_size=batch_size, num_steps=num_steps, seeds=list(seeds))
    return [_checked(_unpacked(packed), done, name, corpus, batch_size, num_steps)
            for packed, done in passes.call("copy")]


def _unpacked(packed: dict) -> list:
    """The batches of a pass as the probe sent them: stacked pairs, or as they were."""
    if "X" in packed:
        return list(zip(packed["X"], packed["Y"], strict=True))
    return packed["batches"]


def _starts(batches, corpus):
    """Where each row of X starts in the corpus: a (num_batches, batch_size) list of lists.

    The corpus holds distinct tokens, so a row's first token says where it comes from;
    every row must then be a window of the corpus, and its Y the window shifted by one.
    """
    position = {token: i for i, token in enumerate(corpus)}
    starts = []
    for k, (X, Y) in enumerate(batches):
        row_starts = []
        for i, (x, y) in enumerate(zip(X.tolist(), Y.tolist(), strict=True)):
            s = position.get(x[0], -1)
            expect.expect(s >= 0 and x == corpus[s:s + len(x)],
                          f"row {i} of X in batch {k}, {x[:6]}..., is not consecutive tokens "
                          "of the corpus", hint="Each row is corpus[start:start + num_steps].")
            expect.expect(y == corpus[s + 1:s + 1 + len(x)],
                          f"row {i} of Y in batch {k} is {y[:6]}... for X {x[:6]}...: expected "
                          "the same window shifted one token right",
                          hint="Y is corpus[start + 1:start + 1 + num_steps]; the last token "
                               "of the corpus can be a label but never an input.")
            row_starts.append(s)
        starts.append(row_starts)
    return starts


def _permutation(n: int) -> list[int]:
    return torch.randperm(n).tolist()


# -- seq_data_iter_random -----------------------------------------------------------------
def _random_offset(starts, num_steps, what):
    """The offset of a random-sampling pass: every start lies on one grid, num_steps apart."""
    flat = [s for row in starts for s in row]
    offset = min(flat) % num_steps
    expect.expect(all(s % num_steps == offset for s in flat) and len(set(flat)) == len(flat),
                  f"{what}: the subsequences start at {sorted(flat)[:10]}, which are not "
                  f"distinct positions num_steps = {num_steps} apart: they overlap",
                  hint="Start positions offset + range(0, num_subseqs * num_steps, num_steps).")
    return offset


def test_seq_data_iter_random_shift_on_any_corpus(student):
    """Rows are windows of the corpus itself (not positions): X = corpus[s:s+T], Y one further."""
    for n, batch_size, num_steps in ((100, 3, 6), (57, 2, 4)):
        corpus = _permutation(n)
        batches = _pass(student, "seq_data_iter_random", corpus, batch_size, num_steps)
        expect.expect(batches, f"seq_data_iter_random on a corpus of {n} gave no batch")
        _random_offset(_starts(batches, corpus), num_steps,
                       f"a corpus of {n} tokens, batch_size={batch_size}, num_steps={num_steps}")


def test_seq_data_iter_random_offsets_in_range(student, assignment):
    """Drop a random offset in [0, num_steps - 1] (randint(0, num_steps - 1)) at every call."""
    num_steps, batch_size = 4, 2
    corpus = list(range(9 * num_steps))  # 8 subsequences for every offset: all are used
    seen = set()
    seeds = range(assignment.item("seq_data_iter_random").settings["offset_seeds"])
    for batches in _passes(student, "seq_data_iter_random", corpus, batch_size, num_steps,
                           seeds):
        expect.expect(len(batches) == 4, f"a corpus of 36 tokens with batch_size=2, "
                      f"num_steps=4 gave {len(batches)} batches, expected 4 "
                      "((36 - offset - 1) // 4 = 8 subsequences for every offset 0..3)")
        starts = _starts(batches, corpus)
        _random_offset(starts, num_steps, "a corpus of 36 tokens")
        seen.add(min(s for row in starts for s in row))
    expect.expect(seen == set(range(num_steps)), f"over many calls the offsets were "
                  f"{sorted(seen)}, expected each of 0, 1, 2, 3 (num_steps = 4) and no other")


def test_seq_data_iter_random_batch_count(student):
    """num_subseqs = (len(corpus) - offset - 1) // num_steps; num_subseqs // batch_size batches."""
    for n, batch_size, num_steps in ((100, 3, 5), (64, 2, 7), (50, 4, 3)):
        corpus = list(range(n))
        for batches in _passes(student, "seq_data_iter_random", corpus, batch_size, num_steps,
                               range(4)):
            offset = _random_offset(_starts(batches, corpus), num_steps,
                                    f"a corpus of {n}") if batches else 0
            expected = (n - offset - 1) // num_steps // batch_size
            expect.expect(len(batches) == expected, f"a corpus of {n} tokens with "
                          f"batch_size={batch_size}, num_steps={num_steps} and offset {offset} "
                          f"gave {len(batches)} batches, expected {expected}")


def test_seq_data_iter_random_random_order(student):
    """Shuffle the start positions (random.shuffle) on every call: a new order each time."""
    corpus = list(range(200))
    orders = []
    for batches in _passes(student, "seq_data_iter_random", corpus, 2, 5, (1, 2)):
        orders.append([s for row in _starts(batches, corpus) for s in row])
    expect.expect(orders[0] != sorted(orders[0]) and orders[1] != sorted(orders[1]),
                  "the subsequences came in the order of the corpus, expected a random order")
    expect.expect(orders[0] != orders[1], "two calls gave the subsequences in the same order, "
                  "expected a new random order each time")


def test_seq_data_iter_random_short_corpus(student):
    """A corpus too short for a full batch gives no batch and no error; never read past its end."""
    for n in (0, 3, 6, 10, 11, 12):
        for batches in _passes(student, "seq_data_iter_random", list(range(n)), 2, 5, range(8)):
            possible = {(n - offset - 1) // 5 // 2 for offset in range(5)}
            expect.expect(len(batches) in {max(0, p) for p in possible},
                          f"a corpus of {n} tokens with batch_size=2, num_steps=5 gave "
                          f"{len(batches)} batches, expected one of "
                          f"{sorted({max(0, p) for p in possible})} depending on the offset")
            if batches:
                _starts(batches, list(range(n)))


# -- seq_data_iter_sequential -------------------------------------------------------------
def _sequential_rows(starts, num_steps, what):
    """Row i of every batch continues row i of the batch before; the rows never overlap."""
    for k in range(1, len(starts)):
        expect.expect(all(s == p + num_steps for s, p in zip(starts[k], starts[k - 1],
                                                              strict=True)),
                      f"{what}: the rows of batch {k} start at {starts[k]}, expected "
                      f"{[p + num_steps for p in starts[k - 1]]}, right after the rows of "
                      f"batch {k - 1}",
                      hint="Reshape to (batch_size, -1) and take num_steps columns at a time.")
    if starts:
        spans = sorted((s, s + num_steps * len(starts)) for s in starts[0])
        expect.expect(all(a[1] <= b[0] for a, b in itertools.pairwise(spans)),
                      f"{what}: the rows cover the overlapping stretches {spans} of the corpus, "
                      "expected separate pieces, one per row")
        return min(s for s in starts[0])
    return None


def test_seq_data_iter_sequential_shift_on_any_corpus(student):
    """Rows are windows of the corpus itself, and row i continues from batch to batch."""
    for n, batch_size, num_steps in ((100, 3, 6), (57, 2, 4)):
        corpus = _permutation(n)
        batches = _pass(student, "seq_data_iter_sequential", corpus, batch_size, num_steps)
        expect.expect(batches, f"seq_data_iter_sequential on a corpus of {n} gave no batch")
        _sequential_rows(_starts(batches, corpus), num_steps, f"a corpus of {n} tokens")


def test_seq_data_iter_sequential_offsets_in_range(student, assignment):
    """Drop a random offset in [0, num_steps] (randint(0, num_steps), both ends) at every call."""
    num_steps, batch_size = 4, 2
    corpus = list(range(45))
    seen = set()
    seeds = range(assignment.item("seq_data_iter_sequential").settings["offset_seeds"])
    for batches in _passes(student, "seq_data_iter_sequential", corpus, batch_size, num_steps,
                           seeds):
        expect.expect(batches, "a corpus of 45 tokens with batch_size=2, num_steps=4 gave no "
                      "batch, expected 5 ((45 - offset - 1) // 2 // 4 for every offset 0..4)")
        seen.add(_sequential_rows(_starts(batches, corpus), num_steps, "a corpus of 45"))
    expect.expect(seen == set(range(num_steps + 1)), f"over many calls the offsets were "
                  f"{sorted(seen)}, expected each of 0, 1, 2, 3, 4 (num_steps = 4) and no other")


def test_seq_data_iter_sequential_batch_count(student):
    """(len(corpus) - offset - 1) // batch_size tokens per row, then full num_steps columns."""
    for n, batch_size, num_steps in ((100, 3, 5), (64, 2, 7), (50, 4, 3)):
        corpus = list(range(n))
        for batches in _passes(student, "seq_data_iter_sequential", corpus, batch_size,
                               num_steps, range(4)):
            offset = _sequential_rows(_starts(batches, corpus), num_steps, f"a corpus of {n}")
            expected = (n - (offset or 0) - 1) // batch_size // num_steps
            expect.expect(len(batches) == expected, f"a corpus of {n} tokens with "
                          f"batch_size={batch_size}, num_steps={num_steps} and offset {offset} "
                          f"gave {len(batches)} batches, expected {expected}")


def test_seq_data_iter_sequential_short_corpus(student):
    """A corpus too short for a full batch gives no batch and no error; never read past its end."""
    for n in (0, 3, 10, 11, 12, 13):
        for batches in _passes(student, "seq_data_iter_sequential", list(range(n)), 2, 5,
                               range(8)):
            possible = sorted({max(0, (n - offset - 1) // 2 // 5) for offset in range(6)})
            expect.expect(len(batches) in possible, f"a corpus of {n} tokens with "
                          f"batch_size=2, num_steps=5 gave {len(batches)} batches, expected "
                          f"one of {possible} depending on the offset")
            if batches:
                _sequential_rows(_starts(batches, list(range(n))), 5, f"a corpus of {n}")
