"""Is a notebook in an older or odder format read to the same cells as a current one?

Same cells to run and same answers mean the same grade, so these need no worker.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from autograder.submission import read_submission
from tests.malformed.damage import LINEAR, save, solved


def same_as(submission, original) -> bool:
    return submission.cells == original.cells and submission.answers == original.answers


def test_nbformat_3_is_converted(tmp_path, layout, original):
    """Is a notebook saved as nbformat 3 (worksheets, no cell ids) read like the original?"""
    v3 = nbformat.convert(nbformat.read(LINEAR.path("source"), as_version=4), 3)
    path = save(nbformat.writes(v3), tmp_path / "v3.ipynb")
    assert json.loads(path.read_text())["nbformat"] == 3
    submission = read_submission(path, layout)
    assert same_as(submission, original) and submission.problems == ()


@pytest.mark.parametrize("minor", [0, 4])
def test_nbformat_4_without_cell_ids(tmp_path, layout, original, minor):
    """Do notebooks of nbformat 4.0 to 4.4, whose cells have no ids, grade normally?"""
    notebook = {**solved(), "nbformat_minor": minor}
    for cell in notebook["cells"]:
        del cell["id"]
    submission = read_submission(save(notebook, tmp_path / "old.ipynb"), layout)
    assert same_as(submission, original) and submission.problems == ()


def test_a_byte_order_mark_is_read_past_and_reported(tmp_path, layout, original):
    """Is a notebook an editor saved with a UTF-8 BOM read, with a line saying so?"""
    path = save(b"\xef\xbb\xbf" + json.dumps(solved()).encode(), tmp_path / "bom.ipynb")
    submission = read_submission(path, layout)
    assert same_as(submission, original)
    assert submission.problems == (
        "bom.ipynb starts with a byte-order mark (BOM), which Jupyter and nbgrader refuse; "
        "it was read without it: save it as UTF-8 without BOM",)


def test_a_notebook_stripped_of_all_metadata(tmp_path, layout, original):
    """Pasted into a fresh notebook: are demos and checks still skipped (by their text),
    and each graded name found by what its cell defines?"""
    notebook = solved()
    for cell in notebook["cells"]:
        cell["metadata"] = {}
        del cell["id"]
    submission = read_submission(save(notebook, tmp_path / "bare.ipynb"), layout)
    assert [text for _, text in submission.cells] == [text for _, text in original.cells]
    assert submission.answers == original.answers
    assert len(submission.problems) == len(original.answers)
    assert all(p.startswith("no cell has the grade id") for p in submission.problems)
