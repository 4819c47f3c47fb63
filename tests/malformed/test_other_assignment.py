"""Is a notebook of another assignment named as such, in one line, not a pile of misses?"""

from __future__ import annotations

import pytest

from autograder.grade import grade_notebook
from autograder.submission import read_layout, read_submission
from tests.malformed.damage import LINEAR, SOFTMAX, find, next_one_graded_in_full, save, solved


def test_01s_notebook_graded_as_03_then_03s_own(tmp_path):
    """Does 01's notebook graded as 03 score 0 with one problem line naming 01, and does
    03's correct notebook, graded next in the same process, get full marks?"""
    stray = save(solved(LINEAR.id), tmp_path / "stray" / f"{SOFTMAX.id}.ipynb")
    result = grade_notebook(stray, assignment=SOFTMAX)
    assert result.score == 0
    assert result.problems == (
        f"this looks like {LINEAR.id}'s notebook, not this assignment's: it has "
        f"{LINEAR.id}'s graded cells and none of this one's; submit this assignment's "
        f"notebook, or grade this one as {LINEAR.id}",)
    for item in result.items:
        failed = [c for c in item.checks if not c.passed]
        assert failed
        assert all(c.message == f"{item.name} is not defined: this notebook has no cell for "
                   f"it: it looks like {LINEAR.id}'s notebook" for c in failed), item
        assert all(f"grade this one as {LINEAR.id}" in c.hint for c in failed)

    assert next_one_graded_in_full(tmp_path, SOFTMAX)


def test_03s_notebook_as_01_keeps_what_it_defines(tmp_path):
    """Read as 01: is it named as 03's, and does its given `sgd` still count for 01's sgd?"""
    path = save(solved(SOFTMAX.id), tmp_path / f"{LINEAR.id}.ipynb")
    submission = read_submission(path, read_layout(LINEAR.path("source")),
                                 {SOFTMAX.id: read_layout(SOFTMAX.path("source"))})
    assert submission.answers == {"sgd": "".join(find(solved(SOFTMAX.id), "given_sgd")["source"])}
    assert set(submission.missing) == {i.name for i in LINEAR.items} - {"sgd"}
    assert submission.problems[0].startswith(f"this looks like {SOFTMAX.id}'s notebook")
    assert not any("were run as given" in p or "missing" in p for p in submission.problems)


@pytest.mark.parametrize("others", [(), (SOFTMAX,)])
def test_a_notebook_of_no_known_assignment(tmp_path, others):
    """With no graded cell of any assignment: one line asking if it is another's notebook."""
    notebook = solved()
    notebook["cells"] = [c for c in notebook["cells"]
                         if not c["metadata"].get("nbgrader", {}).get("solution")]
    layout = read_layout(LINEAR.path("source"))
    submission = read_submission(save(notebook, tmp_path / "none.ipynb"), layout,
                                 {a.id: read_layout(a.path("source")) for a in others})
    assert submission.answers == {}
    assert submission.problems == ("none of this assignment's graded cells are in this "
                                   "notebook: is it the notebook of another assignment?",)
