"""Does every realistic wrong answer in tests/mutants/ lose points, with a message that names it?"""

import pytest

from autograder import manifest
from autograder.grade import grade_notebook
from tests.conftest import all_mutants

MUTANTS = all_mutants()


def test_enough_mutants():
    """Are there at least 8 mutants per assignment, at least one per graded name, and does
    every check a mutant says catches it belong to its item?"""
    for assignment in manifest.all_assignments():
        mine = [m for m in MUTANTS if m.assignment == assignment.id]
        assert len(mine) >= 8, f"{assignment.id} has {len(mine)} mutants"
        missing = {i.name for i in assignment.items} - {m.name for m in mine}
        assert not missing, f"{assignment.id}: no mutant for {sorted(missing)}"
        for mutant in mine:
            unknown = set(mutant.caught_by) - set(assignment.item(mutant.name).checks)
            assert not unknown, f"{mutant.path.name}: '# Caught by:' names {sorted(unknown)}, " \
                                f"not checks of {mutant.name}"


@pytest.mark.parametrize("mutant", MUTANTS, ids=[f"{m.assignment}/{m.path.stem}" for m in MUTANTS])
def test_mutant_loses_points_with_a_message(mutant, make_notebook):
    """Does the mutant lose points on its item, with a failure naming the mistake? (Where it
    names the checks that catch it, graded on those: does each of them fail?)"""
    notebook = make_notebook(mutant.assignment, {mutant.name: mutant.source})
    result = grade_notebook(notebook, hidden=True, items=(mutant.name,),
                            checks=mutant.caught_by or None)
    item = result.item(mutant.name)
    assert item.score < item.max_score, f"{mutant.path.name} ({mutant.mistake}) kept all points"
    passed = [c.id for c in item.checks if c.passed and c.id in mutant.caught_by]
    assert not passed, f"{mutant.path.name}: {passed} should catch it ('# Caught by:') but passed"
    messages = " | ".join(f"{c.message} {c.hint}" for c in item.checks if not c.passed)
    for words in mutant.expect:
        assert words.lower() in messages.lower(), (
            f"{mutant.path.name}: no failure mentions {words!r}; got: {messages}")
