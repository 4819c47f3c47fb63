"""Does the reference get full marks and the release stub nothing, through the whole grader?"""

import pytest

from autograder import manifest
from autograder.grade import grade_notebook

ASSIGNMENTS = manifest.all_assignments()


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_reference_gets_full_marks(assignment):
    """Does the solved source notebook earn every point that can be graded here (without a
    GPU, GPU timing is not gradable), with no problem reported?"""
    result = grade_notebook(assignment.path("source"), hidden=True)
    failures = [f"{i.name}/{c.id}: {c.message}" for i in result.items for c in i.checks
                if not c.passed]
    assert result.score == result.max_score == assignment.max_score - result.not_gradable, \
        failures
    assert not result.problems
    assert all(c.ok for c in result.cells)


@pytest.mark.parametrize("salt", ["1", "2", "3"])
@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_reference_full_marks_under_other_seeds(assignment, salt, monkeypatch):
    """Are the checks (training included) passed by the reference whatever the seed?"""
    monkeypatch.setenv("AUTOGRADER_SEED", salt)
    result = grade_notebook(assignment.path("source"), hidden=True)
    assert result.score == result.max_score, [
        f"{c.id}: {c.message}" for i in result.items for c in i.checks if not c.passed]


@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_release_stub_gets_nothing(assignment, hidden):
    """Does the untouched student notebook score zero, each item saying it is not implemented?"""
    result = grade_notebook(assignment.path("release"), hidden=hidden)
    assert result.score == 0
    for item in result.items:
        assert item.checks, f"{item.name} ran no check"
        assert any("not implemented" in c.message for c in item.checks), item.name


def test_visible_run_is_a_subset_with_the_same_max_score():
    """Does a visible-only run report the same items and max score, with fewer checks?"""
    assignment = ASSIGNMENTS[0]
    visible = grade_notebook(assignment.path("source"), hidden=False)
    full = grade_notebook(assignment.path("source"), hidden=True)
    assert [i.name for i in visible.items] == [i.name for i in full.items]
    assert visible.max_score == full.max_score == assignment.max_score
    assert sum(len(i.checks) for i in visible.items) < sum(len(i.checks) for i in full.items)


def test_gate_checks_zero_an_item_but_earn_nothing():
    """Does a forbidden call zero its item, while passing the gate alone earns no point?"""
    from autograder.results import CheckResult, ItemResult

    gate_ok = CheckResult("no_library", "softmax", passed=True, score=1.0, gate=True)
    gate_failed = CheckResult("no_library", "softmax", passed=False, gate=True)
    values_ok = CheckResult("values", "softmax", passed=True, score=1.0)
    values_failed = CheckResult("values", "softmax", passed=False)
    assert ItemResult("softmax", 2, (gate_ok, values_failed)).score == 0
    assert ItemResult("softmax", 2, (gate_ok, values_ok)).score == 2
    assert ItemResult("softmax", 2, (gate_failed, values_ok)).score == 0
