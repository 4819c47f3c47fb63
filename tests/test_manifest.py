"""Do the manifests, the checks and the notebooks name the same things?"""

import ast

import pytest

from autograder import manifest
from autograder.engine import HIDDEN, VISIBLE

ASSIGNMENTS = manifest.all_assignments()


def _checks(assignment, filename):
    """Check functions of one file: name -> the fixtures it asks for, and its docstring."""
    tree = ast.parse((assignment.path("checks") / filename).read_text())
    return {node.name.removeprefix("test_"): ([a.arg for a in node.args.args],
                                              ast.get_docstring(node))
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_check_listed_and_every_listed_check_exists(assignment):
    """Is each check in exactly one item of the manifest, and each listed id a check?"""
    found = {**_checks(assignment, VISIBLE), **_checks(assignment, HIDDEN)}
    listed = [c for item in assignment.items for c in item.checks]
    assert len(listed) == len(set(listed)), "a check id is listed twice"
    assert set(listed) == set(found), (f"unlisted: {set(found) - set(listed)}, "
                                       f"missing: {set(listed) - set(found)}")


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_item_has_visible_and_hidden_checks(assignment):
    """Does every graded name have a visible check for students and a hidden one?"""
    visible, hidden = _checks(assignment, VISIBLE), _checks(assignment, HIDDEN)
    for item in assignment.items:
        assert any(c in visible for c in item.checks), f"{item.name}: no visible check"
        assert any(c in hidden for c in item.checks), f"{item.name}: no hidden check"


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_checks_have_hints_and_visible_ones_need_no_solutions(assignment):
    """Does every check have a docstring (its hint), and do visible checks avoid `reference`?"""
    for filename in (VISIBLE, HIDDEN):
        for name, (fixtures, doc) in _checks(assignment, filename).items():
            assert doc, f"{name} has no docstring: the student would get no hint"
            if filename == VISIBLE:
                assert "reference" not in fixtures, (
                    f"visible check {name} uses the reference solutions, which students "
                    "do not have")


def test_unknown_assignment_is_a_clear_error():
    """Is asking for an assignment that does not exist a ManifestError naming the known ones?"""
    with pytest.raises(manifest.ManifestError, match="known: 01-linear-regression"):
        manifest.load("99-nothing")
