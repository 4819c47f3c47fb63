"""Is a file that is no notebook at all refused in one line that says how to fix it?

Each case is refused the same way by `read_notebook`, by `grade_notebook` (before any
worker starts) and by `autograder check` (exit 1, one line, no traceback), and the next
notebook graded in the same process is graded as if nothing had happened.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from autograder.cli import main
from autograder.grade import grade_notebook
from autograder.notebook_file import MAX_NOTEBOOK_BYTES, NotebookError, read_notebook
from tests.malformed.damage import LINEAR, find, next_one_graded_in_full, save, solved

LIMIT = f"over the {MAX_NOTEBOOK_BYTES // 2**20} MB limit"


def _sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes made in no time, taking no disk (a hole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        file.truncate(size)
    return path


def _latin1(path: Path) -> Path:
    """A notebook whose markdown an editor saved as Latin-1: 'café' as byte 0xe9."""
    notebook = solved()
    notebook["cells"][0]["source"] = ["# Linear regression at the MARK\n"]
    text = json.dumps(notebook, indent=1).replace("MARK", "café")  # the rest stays ASCII
    return save(text.encode("latin-1"), path)


def _folder(path: Path) -> Path:
    save(solved(), path)
    return path.parent


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]   # writes the file at the given path; returns what to grade
    words: tuple[str, ...]         # what the message must say


CASES = [
    Case("empty", lambda p: save(b"", p),
         ("is empty (0 bytes)", "save it again in JupyterLab", "Revert Notebook to Checkpoint")),
    Case("cut-off", lambda p: save(LINEAR.path("source").read_bytes()[:20_000], p),
         ("is not valid notebook JSON", "cut off while saving", "Revert Notebook to Checkpoint",
          "fresh copy of the released notebook")),
    Case("nested", lambda p: save("[" * 100_000 + "]" * 100_000, p),
         ("nested too deeply",)),
    Case("latin-1", _latin1, ("is not UTF-8 text", "byte 0xe9", "save it again as UTF-8")),
    Case("utf-16", lambda p: save(json.dumps(solved()).encode("utf-16"), p),
         ("is not UTF-8 text", "byte 0xff on line 1", "save it again as UTF-8")),
    Case("json-array", lambda p: save([solved()], p),
         ('is not a notebook: expected a JSON object with "cells" and "nbformat", '
          "found a JSON array",)),
    Case("json-string", lambda p: save(json.dumps("print(1)"), p),
         ("is not a notebook", "found a string")),
    Case("other-json", lambda p: save({"name": "x", "version": 1}, p),
         ('found a JSON object with the keys "name", "version"',)),
    Case("no-cells", lambda p: save({"nbformat": 4, "nbformat_minor": 5, "metadata": {}}, p),
         ('has no list of cells: expected "cells": [...]', "found no cells at all")),
    Case("cells-not-a-list", lambda p: save({**solved(), "cells": {"0": find(solved(), "setup")}},
                                            p),
         ("has no list of cells", "found a JSON object")),
    Case("nbformat-5", lambda p: save({**solved(), "nbformat": 5}, p),
         ("is in nbformat 5, but this kit reads nbformat 4", "save it again in JupyterLab")),
    Case("nbformat-text", lambda p: save({**solved(), "nbformat": "four"}, p),
         ("is in nbformat 'four'",)),
    Case("v3-unconvertible", lambda p: save({"nbformat": 3, "nbformat_minor": 0,
                                             "metadata": {}, "worksheets": "cells"}, p),
         ("is in nbformat 3, which could not be converted to nbformat 4",
          "open it in Jupyter and save it")),
    Case("200-MB", lambda p: _sparse(p, 200 * 2**20),
         ("is 200.0 MB", LIMIT, "Kernel > Restart Kernel and Clear Outputs of All Cells")),
    Case("folder", _folder,
         ("is a folder, not a notebook file", f"inside it ({LINEAR.id}.ipynb)")),
    Case("missing", lambda p: p.with_name("nowhere.ipynb"),
         ("no such notebook", "nowhere.ipynb")),
]


def _make(case: Case, tmp_path: Path) -> Path:
    return case.make(tmp_path / case.id / f"{LINEAR.id}.ipynb")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_read_notebook_says_what_was_expected_and_what_to_do(tmp_path, case):
    """Is each broken file one NotebookError, of one line, with the words a student acts on?"""
    with pytest.raises(NotebookError) as caught:
        read_notebook(_make(case, tmp_path))
    message = str(caught.value)
    assert "\n" not in message
    for word in case.words:
        assert word in message, message


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_check_exits_1_with_one_line(tmp_path, capsys, case):
    """Does `autograder check` print one error line, no traceback, and exit 1?"""
    assert main(["check", "--hidden", str(_make(case, tmp_path))]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("autograder: error: ") and err.count("\n") == 1, err
    assert case.words[0] in err


def test_grading_refuses_each_then_grades_the_next_in_full(tmp_path):
    """Does grade_notebook raise for each, and then give a correct notebook full marks?"""
    for case in CASES:
        with pytest.raises(NotebookError) as caught:
            grade_notebook(_make(case, tmp_path), assignment=LINEAR)
        assert all(word in str(caught.value) for word in case.words), caught.value
    assert next_one_graded_in_full(tmp_path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    """Is a 200 MB file refused by its size, without reading it into memory?"""
    path = _sparse(tmp_path / f"{LINEAR.id}.ipynb", 200 * 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(NotebookError, match=r"is 200\.0 MB"):
            read_notebook(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20, f"{peak / 2**20:.0f} MB allocated while refusing the file"


def test_the_limit_is_the_size_not_a_round_number(tmp_path):
    """Is a file one byte over the limit refused, and one at the limit read (as JSON)?"""
    over = _sparse(tmp_path / "over.ipynb", MAX_NOTEBOOK_BYTES + 1)
    with pytest.raises(NotebookError, match=LIMIT):
        read_notebook(over)
    text = json.dumps(solved())
    at = save(text + " " * (MAX_NOTEBOOK_BYTES - len(text.encode())), tmp_path / "at.ipynb")
    assert at.stat().st_size == MAX_NOTEBOOK_BYTES
    assert len(read_notebook(at).cells) == len(solved()["cells"])


def test_a_byte_that_is_not_utf8_is_found_by_line(tmp_path):
    """Does the message name the line of the first byte that is not UTF-8?"""
    path = _latin1(tmp_path / f"{LINEAR.id}.ipynb")
    data = path.read_bytes()
    line = data[:data.index(b"\xe9")].count(b"\n") + 1
    assert line > 1
    with pytest.raises(NotebookError, match=f"byte 0xe9 on line {line} is not UTF-8"):
        read_notebook(path)
