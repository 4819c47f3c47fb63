"""Does the demo course (the README's first command) run end to end, everything agreeing?

Run here on 01 and 03, compared with `nbgrader autograde` (which runs every demo cell) on
01, the fastest: the demo's code is the same for every assignment, each assignment's
grading is proven by the kit's other tests (reference, stub, mutants, alternatives,
attacks), and `test_inline` proves that nbgrader's `points` cells give every assignment's
reference full marks.
"""

import re

from autograder import manifest, store
from autograder.demo import BEN, CY, STUDENTS, run_demo
from autograder.manifest import all_assignments
from tests.conftest import MUTANTS

CHOSEN = [manifest.load("01-linear-regression"), manifest.load("03-softmax-regression")]


def test_demo_course_agrees_everywhere(tmp_path, capfd):
    """Do check --hidden and nbgrader autograde agree on every item, and does a class run,
    killed midway and resumed, agree with them through every export?"""
    code = run_demo(tmp_path / "course", assignments=CHOSEN, nbgrader=[CHOSEN[0].id])
    out = capfd.readouterr().out
    assert code == 0, out
    assert "agree on every item of every submission" in out
    for assignment in CHOSEN:
        row = next(line for line in out.splitlines() if line.startswith(assignment.id))
        cells = dict(zip(STUDENTS, re.findall(r"(\S+) / (\S+)", row), strict=True))
        theirs = ("10", "0") if assignment is CHOSEN[0] else ("-", "-")
        assert cells["ada"] == ("10", theirs[0]), row
        assert cells["dee"] == ("0", theirs[1]), row
        assert 0 < float(cells["ben"][0]) < 10, row
        assert cells["ben"][1] in ("-", cells["ben"][0]), row
    assert (tmp_path / "course" / "gradebook.db").exists()

    kept = re.search(r"SIGKILL after (\d+) of 4 records", out)
    assert kept and 1 <= int(kept.group(1)) < 4, out
    assert f"graded {4 - int(kept.group(1))}, skipped {kept.group(1)} (up to date)" in out
    assert f"agree with check --hidden on all {4 * len(CHOSEN)} submissions" in out
    for assignment in CHOSEN:
        assert set(store.load(tmp_path / "course", assignment.id)) == set(STUDENTS)


def test_every_assignment_has_its_demo_students():
    """Does every assignment give ben two real mutants of its own and cy broken cells that
    name its graded items, so that the README's demo covers it?"""
    for assignment in all_assignments():
        names = {item.name for item in assignment.items}
        ben = BEN.get(assignment.id, ())
        assert len(ben) == 2, f"{assignment.id}: ben needs two wrong answers"
        for mutant in ben:
            assert (MUTANTS / assignment.id / f"{mutant}.py").exists(), mutant
            assert mutant.split("__")[0] in names, mutant
        assert set(CY.get(assignment.id, {})) <= names, assignment.id
