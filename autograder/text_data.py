"""Text for the sequence exercises: English prose and names by language, all offline.

Why these sources: the courses tokenize H. G. Wells' *The Time Machine*, which has to be
downloaded once; tests, CI and offline machines must never download anything. Python
ships 465,000 characters of English with every install (`pydoc_data.topics`, the help
texts behind `help("if")`), and Faker ships lists of surnames per locale. Both are read
from the installed packages, nothing is fetched. Text is cleaned as the courses clean The
Time Machine: every run of non-letters becomes one space, then lowercase, so a character
vocabulary is 26 letters and the space.

The grader's own text (`grading_text`) is cut from blocks of the help texts that the
training part never contains, at a place drawn with the grader's seed, and its words are
shuffled with that seed, so that fitting the public copy of the held-out blocks pays little.
"""

from __future__ import annotations

import functools
import importlib
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from autograder.datasets import data_root

__all__ = [
    "NAME_LANGUAGES",
    "TIME_MACHINE_URL",
    "GradingText",
    "Text",
    "clean_line",
    "grading_text",
    "load_names",
    "load_text",
    "pydoc_lines",
    "time_machine_available",
    "time_machine_path",
]

TIME_MACHINE_URL = "http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt"

# language -> Faker locale; Latin-script surnames, so a character vocabulary stays small
NAME_LANGUAGES = {
    "English": "en_US", "German": "de_DE", "French": "fr_FR", "Italian": "it_IT",
    "Spanish": "es_ES", "Dutch": "nl_NL", "Finnish": "fi_FI", "Irish": "ga_IE",
}

# the help texts in blocks of this many words; one block in `_HELD_OUT_EVERY` is held out of
# every training text (about 70,000 of the 367,000 characters)
_BLOCK_WORDS = 1000
_HELD_OUT_EVERY = 5


@dataclass(frozen=True)
class Text:
    """Cleaned lines of one corpus: lowercase letters and single spaces, blank lines kept."""

    name: str
    lines: tuple[str, ...]

    @property
    def num_chars(self) -> int:
        return sum(len(line) for line in self.lines)

    def __repr__(self) -> str:
        return f"Text({self.name!r}: {len(self.lines)} lines, {self.num_chars} characters)"


def clean_line(line: str) -> str:
    """Every run of characters that are not letters becomes one space; then lowercase."""
    return re.sub("[^A-Za-z]+", " ", line).strip().lower()


@functools.cache
def pydoc_lines() -> tuple[str, ...]:
    """All of Python's help texts (`pydoc_data.topics`), cleaned, in order of topic name."""
    from pydoc_data.topics import topics

    return tuple(clean_line(line) for name in sorted(topics) for line in topics[name].splitlines())


def time_machine_path(root: Path | None = None) -> Path:
    return Path(root or data_root()) / "timemachine.txt"


def time_machine_available(root: Path | None = None) -> bool:
    """True when The Time Machine's text file is on disk (nothing is downloaded)."""
    return time_machine_path(root).exists()


def load_text(source: str = "auto", root: Path | None = None) -> Text:
    """`'time-machine'`, `'pydoc'`, or `'auto'`: The Time Machine if present, else pydoc."""
    if source == "auto":
        source = "time-machine" if time_machine_available(root) else "pydoc"
    if source == "time-machine":
        path = time_machine_path(root)
        if not path.exists():
            raise FileNotFoundError(
                f"The Time Machine is not at {path}. Download it once with "
                "`python -m autograder.text_data download`, or use source='pydoc'.")
        lines = path.read_text(encoding="utf-8").splitlines()
        return Text("time-machine", tuple(clean_line(line) for line in lines))
    if source == "pydoc":
        return Text("pydoc", pydoc_lines())
    raise ValueError(f"unknown text {source!r}: use 'auto', 'time-machine' or 'pydoc'")


@dataclass(frozen=True)
class GradingText:
    """The grader's text: `train` goes to the student's code, `heldout` never does."""

    train: str
    heldout: str


@functools.cache
def _streams() -> tuple[str, str]:
    """The help texts as one string of words for training and one for the held-out blocks."""
    words = " ".join(pydoc_lines()).split()
    blocks = [words[i:i + _BLOCK_WORDS] for i in range(0, len(words), _BLOCK_WORDS)]
    train = [w for i, block in enumerate(blocks) if i % _HELD_OUT_EVERY != 0 for w in block]
    heldout = [w for i, block in enumerate(blocks) if i % _HELD_OUT_EVERY == 0 for w in block]
    return " ".join(train), " ".join(heldout)


def _window(text: str, length: int, rng: random.Random) -> str:
    """`length` characters of `text` from a random word boundary."""
    start = rng.randrange(max(1, len(text) - length))
    start = text.find(" ", start) + 1
    return text[start:start + length]


def grading_text(seed: int, *, train_chars: int, heldout_chars: int) -> GradingText:
    """A training window and a held-out window, drawn with `seed`; held-out words shuffled.

    The two come from disjoint blocks of the help texts. Shuffling the held-out words keeps what a
    character model learns (words, spelling), but no stretch of it is in any public file.
    """
    rng = random.Random(seed)
    train, heldout = _streams()
    words = _window(heldout, 2 * heldout_chars, rng).split()
    rng.shuffle(words)
    return GradingText(_window(train, train_chars, rng), " ".join(words)[:heldout_chars])


def _ascii_letters(name: str) -> str:
    """A name as lowercase letters a-z: accents dropped (é -> e), anything else removed."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub("[^a-z]", "", plain.lower())


def load_names(languages: dict[str, str] | None = None, *, per_language: int | None = None,
               seed: int = 0) -> dict[str, list[str]]:
    """Surnames per language from Faker's locale lists, as lowercase a-z, no duplicates.

    A name that occurs in two languages' lists is kept in neither (it cannot be told
    apart). With `per_language`, at most that many per language, drawn with `seed`.
    """
    raw = {}
    for language, locale in (languages or NAME_LANGUAGES).items():
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        raw[language] = {_ascii_letters(n) for n in provider.last_names} - {""}
    names = {}
    rng = random.Random(seed)
    for language, found in raw.items():
        others = set().union(*(v for k, v in raw.items() if k != language))
        unique = sorted(found - others)
        rng.shuffle(unique)
        names[language] = unique[:per_language] if per_language else unique
    return names


def _download(root: Path | None = None) -> Path:
    """Fetch The Time Machine once (needs internet; never called by the kit or its tests)."""
    import urllib.request

    path = time_machine_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(TIME_MACHINE_URL, timeout=60) as response:
        path.write_bytes(response.read())
    return path


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["download"]:
        print(f"saved {_download()}")
    else:
        print("usage: python -m autograder.text_data download   "
              f"(fetches The Time Machine into {time_machine_path()})")
