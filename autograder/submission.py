"""Reading a submitted notebook into what the worker runs and what the checks look at.

Why against the source notebook: a submission is judged by the cells the exercise
defines, not by what the student's copy claims. Setup and given cells run with the
source's text (as nbgrader's OverwriteCells does), solution cells with the student's,
demo and check cells not at all (so a 10-epoch demo costs nothing at grading time), and
cells the student added run within the submission's budget. Every surprise (a graded
cell deleted or duplicated, a notebook of another assignment) becomes a problem to report,
never an exception, unless the file cannot be read as a notebook at all.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

__all__ = ["Layout", "NotebookError", "Submission", "read_layout", "read_submission"]

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024


class NotebookError(Exception):
    """The file is not a notebook that can be graded; the message says why."""


def _nbgrader(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _is_demo(cell: dict) -> bool:
    return "demo" in (cell.get("metadata", {}).get("tags") or [])


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


@dataclass(frozen=True)
class Layout:
    """What the source notebook says each cell is."""

    locked: dict[str, str]          # grade_id -> source text of setup and given cells
    solutions: tuple[str, ...]      # grade ids of solution cells: the graded names
    skipped_ids: frozenset[str]     # grade ids and cell ids of demo and check cells
    skipped_texts: frozenset[str]   # check-cell texts as released (without hidden tests)


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Parse a notebook, turning every way it can be broken into one clear message."""
    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"{path} is not a file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise NotebookError(f"cannot read {path}: {exc.strerror}") from None
    if size == 0:
        raise NotebookError(f"{path.name} is empty (0 bytes): was it saved?")
    if size > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"{path.name} is {size // 2**20} MB, over the limit of "
                            f"{MAX_NOTEBOOK_BYTES // 2**20} MB: clear the outputs and save")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotebookError(f"{path.name} is not UTF-8 text (byte {exc.start}): "
                            "it is not a notebook file") from None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(f"{path.name} is not valid notebook JSON: {exc.msg} (line "
                            f"{exc.lineno}, column {exc.colno}); was it cut off while "
                            "saving?") from None
    try:
        with warnings.catch_warnings():  # duplicate cell ids are fixed, not worth a warning
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:
        raise NotebookError(f"{path.name} cannot be read as a notebook: {exc}") from None
    if not isinstance(notebook.get("cells"), list):
        raise NotebookError(f"{path.name} has no list of cells")
    return notebook


def read_layout(path: Path) -> Layout:
    cells = read_notebook(path).cells
    locked, solutions, skipped_ids, skipped_texts = {}, [], set(), set()
    for cell in cells:
        meta = _nbgrader(cell)
        grade_id = meta.get("grade_id")
        if cell.get("cell_type") != "code":
            continue
        if meta.get("solution"):
            solutions.append(grade_id)
        elif _is_demo(cell) or meta.get("grade"):
            skipped_ids.update(filter(None, (grade_id, cell.get("id"))))
            skipped_texts.add(_source(cell).split("### BEGIN HIDDEN TESTS")[0].strip())
        elif grade_id:
            locked[grade_id] = _source(cell)
    return Layout(locked, tuple(solutions), frozenset(skipped_ids), frozenset(skipped_texts))


@dataclass(frozen=True)
class Submission:
    """The cells to run, in order, and the student's text for each graded name."""

    path: Path
    cells: tuple[tuple[str, str], ...]            # (label, source) for the worker
    answers: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def read_submission(path: Path, layout: Layout) -> Submission:
    notebook = read_notebook(path)
    cells: list[tuple[str, str]] = []
    answers: dict[str, str] = {}
    problems: list[str] = []
    seen_locked: set[str] = set()
    counts = Counter(_nbgrader(c).get("grade_id") for c in notebook.cells
                     if _nbgrader(c).get("grade_id"))
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        grade_id = _nbgrader(cell).get("grade_id")
        text = _source(cell)
        label = f"cell {number}" + (f" ({grade_id})" if grade_id else "")
        if (grade_id in layout.skipped_ids or cell.get("id") in layout.skipped_ids
                or _is_demo(cell) or text.strip() in layout.skipped_texts):
            continue
        if grade_id in layout.locked:
            if grade_id not in seen_locked:
                seen_locked.add(grade_id)
                cells.append((label, layout.locked[grade_id]))
            continue
        if grade_id in layout.solutions:
            if grade_id in answers:
                continue
            if counts[grade_id] > 1:
                problems.append(f"graded cell '{grade_id}' appears {counts[grade_id]} times: "
                                f"only the first one ({label}) is used")
            answers[grade_id] = text
        cells.append((label, text))
    missing_locked = [(f"source cell ({gid})", text) for gid, text in layout.locked.items()
                      if gid not in seen_locked]
    if missing_locked:
        problems.append("cells given by the exercise were deleted and were run as given: "
                        + ", ".join(gid for gid in layout.locked if gid not in seen_locked))
    missing = [name for name in layout.solutions if name not in answers]
    if layout.solutions and len(missing) == len(layout.solutions):
        problems.append("none of this assignment's graded cells are in this notebook: "
                        "is it the notebook of another assignment?")
    elif missing:
        problems.append("graded cells missing (deleted?): " + ", ".join(missing))
    return Submission(Path(path), tuple(missing_locked + cells), answers, tuple(problems))
