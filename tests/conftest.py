"""Shared fixtures for the kit's own tests: notebooks built from the source, graded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from autograder import manifest

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "tests" / "mutants"
ASSIGNMENTS = [a.id for a in manifest.all_assignments()]


@dataclass(frozen=True)
class Mutant:
    """A realistic wrong answer for one graded name, and words its failure must contain."""

    assignment: str
    name: str
    path: Path
    mistake: str
    expect: tuple[str, ...]

    @property
    def source(self) -> str:
        return self.path.read_text()


def read_mutant(path: Path) -> Mutant:
    text = path.read_text()
    mistake = re.search(r"^# Mistake: (.+)$", text, re.M)
    expect = re.findall(r"^# Expect: (.+)$", text, re.M)
    assert mistake and expect, f"{path} needs '# Mistake:' and '# Expect:' header lines"
    return Mutant(path.parent.name, path.stem.split("__")[0], path, mistake.group(1),
                  tuple(e.strip() for e in expect))


def all_mutants() -> list[Mutant]:
    return [read_mutant(p) for p in sorted(MUTANTS.glob("*/*.py"))]


def notebook_with(assignment_id: str, replacements: dict[str, str], path: Path) -> Path:
    """The solved source notebook, with some solution cells' text replaced."""
    assignment = manifest.load(assignment_id)
    notebook = nbformat.read(assignment.path("source"), as_version=4)
    for cell in notebook.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in replacements:
            cell.source = replacements[grade_id]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def make_notebook(tmp_path):
    """Write a solved notebook of an assignment, with solution cells replaced."""
    def make(assignment_id: str, replacements: dict[str, str] | None = None,
             name: str | None = None) -> Path:
        return notebook_with(assignment_id, replacements or {},
                             tmp_path / (name or f"{assignment_id}.ipynb"))
    return make


def save_right_and_stub(folder: Path, assignment_id: str) -> None:
    """Records as a class run leaves them: ada hands in the solved source, dee the stub."""
    from autograder import store
    from autograder.grade import grade_notebook

    assignment = manifest.load(assignment_id)
    for student, notebook in (("ada", assignment.path("source")),
                              ("dee", assignment.path("release"))):
        result = grade_notebook(notebook, assignment=assignment, hidden=True)
        store.save(folder, store.Record(student, assignment.id, result,
                                        store.fingerprint(notebook)))
