"""Reading a submitted notebook into what the worker runs and what the checks look at.

Why against the source notebook: a submission is judged by the cells the exercise
defines, not by what the student's copy claims. Setup and given cells run with the
source's text (as nbgrader's OverwriteCells does), solution cells with the student's,
demo and check cells not at all (so a 10-epoch demo costs nothing at grading time), and
cells the student added run within the submission's budget.

Why so forgiving: a broken notebook should cost a student only what cannot be graded.
Only a file that is no notebook at all is refused (`NotebookError`, from
`notebook_file`); anything less is graded, with a problem to report. A graded cell
deleted zeroes its item and no other; one whose metadata was lost or changed is found by
the name it defines; a setup cell that lost its metadata is known by its text; and a
graded cell that appears twice runs twice, in order, the last copy being the one graded,
as nbgrader's DeduplicateIds decides and as Run All leaves the last definition in effect.
A notebook of another assignment is named as such, in one line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from autograder.notebook_file import Cell, Notebook, NotebookError, cells_named, read_notebook

__all__ = ["Layout", "Missing", "NotebookError", "Submission", "read_layout", "read_notebook",
           "read_submission"]

_RESTORE = "copy the cell back from the released notebook and put your code in it"


@dataclass(frozen=True)
class Layout:
    """What the source notebook says each cell is."""

    locked: dict[str, str]          # grade_id -> source text of setup and given cells
    solutions: tuple[str, ...]      # grade ids of solution cells: the graded names
    skipped_ids: frozenset[str]     # grade ids and cell ids of demo and check cells
    skipped_texts: frozenset[str]   # demo and check-cell texts (without hidden tests)


def _released(text: str) -> str:
    """A cell's text as released: without hidden tests, and stripped."""
    return text.split("### BEGIN HIDDEN TESTS")[0].strip()


def read_layout(path: Path) -> Layout:
    locked, solutions, skipped_ids, skipped_texts = {}, [], set(), set()
    for cell in read_notebook(path).cells:
        if cell.kind != "code":
            continue
        if cell.nbgrader.get("solution"):
            solutions.append(cell.grade_id)
        elif cell.demo or cell.nbgrader.get("grade"):
            skipped_ids.update(filter(None, (cell.grade_id, cell.id)))
            skipped_texts.add(_released(cell.text))
        elif cell.grade_id:
            locked[cell.grade_id] = cell.text
    return Layout(locked, tuple(solutions), frozenset(skipped_ids), frozenset(skipped_texts))


@dataclass(frozen=True)
class Missing:
    """Why a graded name has no cell in the submission, and how to put it back."""

    why: str
    hint: str


@dataclass(frozen=True)
class Submission:
    """The cells to run, in order, and the student's text for each graded name."""

    path: Path
    cells: tuple[tuple[str, str], ...]            # (label, source) for the worker
    answers: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    missing: dict[str, Missing] = field(default_factory=dict)  # graded names without a cell
    untouched: tuple[str, ...] = ()  # graded names whose cell is exactly as released


def _skipped(cell: Cell, layout: Layout, notebook: Notebook) -> bool:
    """A demo or check cell: known by grade id, unique cell id, tag or text."""
    return (cell.grade_id in layout.skipped_ids or cell.demo
            or (cell.id in layout.skipped_ids and cell.id not in notebook.shared_ids)
            or _released(cell.text) in layout.skipped_texts)


def _locked_id(cell: Cell, layout: Layout) -> str | None:
    """The setup or given cell this is: by grade id, or by its text if it lost its metadata."""
    if cell.grade_id in layout.locked:
        return cell.grade_id
    if cell.kind == "code" and cell.grade_id not in layout.solutions:
        return next((gid for gid, text in layout.locked.items()
                     if text.strip() == cell.text.strip()), None)
    return None


def _defines(text: str, name: str) -> bool:
    """Does this cell define `name` at its top level (def, class, or assignment)?"""
    name = re.escape(name)
    return re.search(rf"^(?:(?:async\s+)?def|class)\s+{name}\b|^{name}\s*(?::[^=\n]*)?=(?!=)",
                     text, re.M) is not None


def _looks_like(cells: tuple[Cell, ...], others: Mapping[str, Layout]) -> str | None:
    """The other assignment whose graded cells this notebook has most of, if any."""
    ids = {cell.grade_id for cell in cells}
    overlap = {other: len(ids.intersection(layout.solutions)) for other, layout in others.items()}
    best = max(overlap, key=overlap.get, default=None)
    return best if best and overlap[best] else None


def _not_code(name: str, cell: Cell, problems: list[str]) -> Missing:
    """A graded cell turned into markdown (or worse): its code did not run, so say why."""
    kind = f"a {cell.kind} cell" if cell.kind else "a cell without a valid cell_type"
    problems.append(f"{cell.label}, the graded cell of {name}, is {kind}, not code, so it "
                    "did not run: make it a code cell again")
    return Missing(f"its cell, {cell.label}, is {kind}, not code, so it did not run",
                   "Make it a code cell again: select it and press Y in JupyterLab, or pick "
                   "Code in the toolbar's menu.")


def read_submission(path: Path, layout: Layout,
                    others: Mapping[str, Layout] | None = None) -> Submission:
    """What to run and grade; `others` (other assignments) name a notebook of another."""
    notebook = read_notebook(path)
    problems = list(notebook.problems)
    cells: list[tuple[str, str]] = []
    copies: dict[str, list[Cell]] = {}   # graded name -> its code cells, in order
    not_code: dict[str, Cell] = {}       # graded name -> its cell that is not code
    added: list[Cell] = []               # code cells the exercise does not know
    seen_locked: set[str] = set()
    for cell in notebook.cells:
        locked = _locked_id(cell, layout)
        if locked:
            if locked not in seen_locked:
                seen_locked.add(locked)
                cells.append((cell.label, layout.locked[locked]))
        elif cell.grade_id in layout.solutions and cell.kind != "code":
            not_code[cell.grade_id] = cell
        elif cell.grade_id in layout.solutions:
            copies.setdefault(cell.grade_id, []).append(cell)
            cells.append((cell.label, cell.text))
        elif cell.kind == "code" and cell.text.strip() and not _skipped(cell, layout, notebook):
            added.append(cell)
            cells.append((cell.label, cell.text))
    missing_locked = [gid for gid in layout.locked if gid not in seen_locked]
    # run first, as the exercise gives them: setup comes before all else
    cells[:0] = [(f"source cell ({gid})", layout.locked[gid]) for gid in missing_locked]
    other = _looks_like(notebook.cells, others or {}) if not copies else None
    if other:  # one line instead of one per missing cell
        problems.append(f"this looks like {other}'s notebook, not this assignment's: it has "
                        f"{other}'s graded cells and none of this one's; submit this "
                        f"assignment's notebook, or grade this one as {other}")
    elif missing_locked:
        problems.append("cells given by the exercise were deleted and were run as given: "
                        + ", ".join(missing_locked))
    answers: dict[str, str] = {}
    missing: dict[str, Missing] = {}
    for name in layout.solutions:
        found = copies.get(name, [])
        stand_in = next((c for c in reversed(added) if _defines(c.text, name)), None)
        if len(found) > 1:
            numbers = cells_named([c.number for c in found])
            problems.append(f"graded cell '{name}' appears {len(found)} times ({numbers}): "
                            f"all of them ran, in order, and the last one (cell "
                            f"{found[-1].number}) is the one graded; delete the copies you do "
                            "not want graded")
        if found:
            answers[name] = found[-1].text
        elif stand_in:
            answers[name] = stand_in.text
            problems.append(f"no cell has the grade id '{name}' (its nbgrader metadata was "
                            f"removed or changed), so {stand_in.label}, which defines {name}, "
                            f"was graded in its place: {_RESTORE}")
        elif other:
            missing[name] = Missing(f"this notebook has no cell for it: it looks like "
                                    f"{other}'s notebook", f"Submit this assignment's "
                                    f"notebook, or grade this one as {other}.")
        elif name in not_code:
            missing[name] = _not_code(name, not_code[name], problems)
        else:
            missing[name] = Missing("its graded cell is not in this notebook (deleted?)",
                                    "Copy the cell back from the released notebook and put "
                                    "your code in it.")
    deleted = [name for name in missing if name not in not_code]
    if layout.solutions and not copies and not answers and not other:
        problems.append("none of this assignment's graded cells are in this notebook: is it "
                        "the notebook of another assignment?")
    elif deleted and not other:
        problems.append(f"graded cells missing (deleted?): {', '.join(deleted)}: {_RESTORE}")
    untouched = tuple(name for name in layout.solutions
                      if copies.get(name) and _as_released(copies[name][-1]))
    return Submission(Path(path), tuple(cells), answers, tuple(problems), missing, untouched)


def _as_released(cell: Cell) -> bool:
    """Is this solution cell the release's, unchanged? nbgrader's own test: the checksum
    `generate_assignment` stamped into the cell, computed again (its "No response.")."""
    stamped = cell.nbgrader.get("checksum")
    return bool(stamped and cell.grade_id) and cell.checksum() == stamped
