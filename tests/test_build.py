"""Are the generated files current, and does the release hide what it must?"""

import nbformat
import pytest

from autograder import manifest
from autograder.build import solution_source, stale_files, stamped_source

ASSIGNMENTS = manifest.all_assignments()


def test_release_and_solutions_are_not_stale():
    """Do release/ and solutions/ match what `autograder build` makes from source/ now?"""
    stale = stale_files()
    assert not stale, f"run `autograder build` and commit: {stale}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_release_hides_solutions_and_hidden_tests(assignment):
    """Has the student notebook no solution code, no hidden test, and stubs that raise?"""
    text = assignment.path("release").read_text()
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "points(" not in text
    cells = nbformat.read(assignment.path("release"), as_version=4).cells
    stubs = [c for c in cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(stubs) == len(assignment.items)
    assert all("raise NotImplementedError()" in c.source for c in stubs)


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_points_come_from_the_manifest(assignment):
    """Does every check cell carry the points the manifest gives its item?"""
    cells = nbformat.read(assignment.path("release"), as_version=4).cells
    points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
              for c in cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert points == {f"check_{i.name}": i.points for i in assignment.items}


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_solutions_define_every_graded_name(assignment):
    """Does the exported reference module define each graded name and nothing from demos?"""
    notebook = stamped_source(assignment)
    source = solution_source(assignment, notebook)
    namespace: dict = {}
    exec(compile(source, str(assignment.path("solution")), "exec"), namespace)
    assert all(item.name in namespace for item in assignment.items)
    demos = [c.source for c in notebook.cells if "demo" in c.metadata.get("tags", [])]
    assert demos and not any(demo in source for demo in demos)
