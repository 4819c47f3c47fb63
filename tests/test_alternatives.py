"""Does every correct answer in tests/alternatives/ get full marks, however it is written?

A check that fails correct work is worse than no check. Each alternative is a solution
cell written differently from the reference (another formula equal to it, another allowed
library route, a loop instead of a vectorised op, float64 inside); graded with the hidden
checks, its item must earn every point.
"""

import pytest

from autograder import manifest
from autograder.grade import grade_notebook
from tests.conftest import all_alternatives

ALTERNATIVES = all_alternatives()


def test_enough_alternatives():
    """Does every graded name of every assignment have at least two correct alternatives?"""
    for assignment in manifest.all_assignments():
        mine = [a.name for a in ALTERNATIVES if a.assignment == assignment.id]
        few = {i.name: mine.count(i.name) for i in assignment.items if mine.count(i.name) < 2}
        assert not few, f"{assignment.id}: fewer than 2 alternatives for {few}"


@pytest.mark.parametrize("alternative", ALTERNATIVES,
                         ids=[f"{a.assignment}/{a.path.stem}" for a in ALTERNATIVES])
def test_alternative_gets_full_marks(alternative, make_notebook):
    """Does the alternative earn its item's every point, with no problem reported?"""
    notebook = make_notebook(alternative.assignment, {alternative.name: alternative.source})
    result = grade_notebook(notebook, hidden=True, items=(alternative.name,))
    item = result.item(alternative.name)
    failures = [f"{c.id}: {c.message}" for c in item.checks if not c.passed]
    assert item.score == item.max_score, f"{alternative.path.name} ({alternative.how}): {failures}"
    assert not result.problems and all(c.ok for c in result.cells), result.problems
