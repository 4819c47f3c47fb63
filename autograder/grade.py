"""Grading one notebook: read it, run its code in a worker, run the checks, collect.

Why one function: the CLI's `check`, the kit's tests, the demo course and the nbgrader
comparison all grade through `grade_notebook`, so they cannot drift apart.
"""

from __future__ import annotations

import functools
import time
from dataclasses import replace
from pathlib import Path

from autograder import manifest
from autograder.engine import preload, run_checks
from autograder.launch import Limits
from autograder.manifest import Assignment, ManifestError
from autograder.notebook_file import NotebookError, ensure_file
from autograder.results import AssignmentResult, ItemResult
from autograder.session import Budget, RemoteStudent
from autograder.student import Student, WorkerLost
from autograder.submission import Layout, Missing, read_layout, read_submission

__all__ = ["assignment_for", "grade_notebook"]


class _Unreachable(Student):
    """Stands in for a worker that could not start: every request fails with the reason."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def _exchange(self, request: dict) -> dict:
        raise WorkerLost(self.reason)


def assignment_for(notebook: Path, assignment_id: str | None = None) -> Assignment:
    """The assignment named, else the one the file or its folder is named after."""
    if assignment_id:
        return manifest.load(assignment_id)
    ensure_file(notebook)  # a folder's name is no answer: say what to pass instead
    known = {a.id: a for a in manifest.all_assignments()}
    for candidate in (Path(notebook).stem, Path(notebook).resolve().parent.name):
        if candidate in known:
            return known[candidate]
    raise ManifestError(f"cannot tell which assignment {Path(notebook).name} belongs to; "
                        f"pass --assignment (one of: {', '.join(known)})")


def _layout_path(assignment: Assignment) -> Path:
    source = assignment.path("source")
    return source if source.exists() else assignment.path("release")


def _layout(assignment: Assignment) -> Layout:
    """The assignment's layout, read once per version of its notebook (a class run reads
    every other assignment's too, for each submission)."""
    path = _layout_path(assignment)
    stat = path.stat() if path.exists() else None
    return _read_layout(path, stat and (stat.st_mtime_ns, stat.st_size))


@functools.cache
def _read_layout(path: Path, version: tuple[int, int] | None) -> Layout:
    return read_layout(path)


def _other_layouts(assignment: Assignment) -> dict[str, Layout]:
    """The other assignments' layouts, to name the one a stray notebook belongs to."""
    layouts = {}
    for other in manifest.all_assignments():
        if other.id != assignment.id:
            try:
                layouts[other.id] = _layout(other)
            except NotebookError:
                continue  # another exercise being written: no help in naming this one
    return layouts


def _explain_undefined(item: ItemResult, failed_cells: dict[str, str],
                       missing: dict[str, Missing]) -> ItemResult:
    """'softmax is not defined' says more when its cell is missing or is the one that failed."""
    cell = next((label for label in failed_cells if label.endswith(f"({item.name})")), None)
    if item.name in missing:
        why, hint = missing[item.name].why, missing[item.name].hint
    elif cell is not None:
        why = f"its cell, {cell}, failed: {failed_cells[cell]}"
        hint = "Fix that cell so that it runs."
    else:
        return item
    checks = tuple(replace(c, message=f"{item.name} is not defined: {why}", hint=hint)
                   if c.message == f"{item.name} is not defined" else c for c in item.checks)
    return replace(item, checks=checks)


def grade_notebook(notebook: Path, *, assignment: Assignment | None = None,
                   hidden: bool = True, items: tuple[str, ...] | None = None,
                   checks: tuple[str, ...] | None = None) -> AssignmentResult:
    """Grade a notebook file; `NotebookError` only when it cannot be read at all.

    `items` grades only those graded names, and `checks` only those of their checks (the
    kit's tests, proving one item, or the check that catches a mistake, at a time); the
    result then holds only them.
    """
    started = time.perf_counter()
    assignment = assignment or assignment_for(notebook)
    submission = read_submission(Path(notebook), _layout(assignment), _other_layouts(assignment))
    budget = Budget(assignment.budget.request_seconds, assignment.budget.submission_seconds)
    limits = Limits(memory_mb=assignment.budget.memory_mb,
                    cpu_seconds=int(assignment.budget.submission_seconds * 2))
    others = tuple(text for _, text in submission.cells)
    preload(assignment, hidden)  # while the worker's sandbox may still be starting
    student = RemoteStudent(list(submission.cells), budget, limits)
    try:
        running: Student = student.start()
    except WorkerLost as exc:
        running = _Unreachable(str(exc))
    try:
        results = run_checks(assignment, running, hidden=hidden, answers=submission.answers,
                             other_cells=others, items=items, checks=checks)
    finally:
        student.close()
    failed_cells = {o.label: o.message for o in student.outcomes if not o.ok}
    results = tuple(_explain_undefined(item, failed_cells, submission.missing)
                    for item in results)
    problems = list(submission.problems)
    problems += [f"{label} failed: {message}" for label, message in failed_cells.items()]
    if isinstance(running, _Unreachable):
        problems.append(f"your code could not be run: {running.reason}")
    return AssignmentResult(assignment.id, str(notebook), results, hidden,
                            tuple(student.outcomes), tuple(problems),
                            time.perf_counter() - started, student.student_seconds,
                            submission.untouched)
