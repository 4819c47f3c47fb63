"""Solved notebooks as plain JSON, to break on purpose the way students' files break."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

from autograder import manifest
from autograder.grade import grade_notebook
from autograder.manifest import Assignment

LINEAR = manifest.load("01-linear-regression")
SOFTMAX = manifest.load("03-softmax-regression")
MUTANTS = Path(__file__).resolve().parents[1] / "mutants"


@cache
def _solved(assignment_id: str) -> dict:
    return json.loads(manifest.load(assignment_id).path("source").read_text())


def solved(assignment_id: str = LINEAR.id) -> dict:
    """A fresh copy of the solved source notebook's JSON."""
    return copy.deepcopy(_solved(assignment_id))


def find(notebook: dict, grade_id: str) -> dict:
    """The cell with this grade id."""
    return next(c for c in notebook["cells"] if isinstance(c, dict)
                and c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)


def number(notebook: dict, cell: dict) -> int:
    """The cell's number as labels show it (from 1)."""
    return next(n for n, c in enumerate(notebook["cells"], start=1) if c is cell)


def mutant(name: str) -> str:
    """The text of a realistic wrong answer from tests/mutants/01-linear-regression."""
    return (MUTANTS / LINEAR.id / f"{name}.py").read_text()


def save(content: dict | list | bytes | str, path: Path) -> Path:
    """Write JSON data, or bytes and text exactly as given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def next_one_graded_in_full(folder: Path, assignment: Assignment = LINEAR) -> bool:
    """Grade the solved notebook now: does it still get full marks, with no problems?"""
    path = save(solved(assignment.id), folder / "next" / f"{assignment.id}.ipynb")
    result = grade_notebook(path, assignment=assignment)
    return result.score == result.max_score == assignment.max_score and result.problems == ()
