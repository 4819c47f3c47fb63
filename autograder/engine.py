"""Running an assignment's checks, and turning their outcomes into results.

Why pytest-style checks: each is a plain test function with named fixtures (`student`,
`reference`, `assignment`, `answers`, `other_cells`), so it reads like any test and its
docstring is the hint. Why not `pytest.main` per submission: a pytest session costs more
than the checks themselves (configuration, collection, its plugins' garbage collections),
and a class pays it once per student. So the check files are imported once per process
(again only when they change) and their functions called here directly: a fresh seed for
each, the fixtures it names, its outcome kept as a value (passed, score, message, hint).
`@pytest.mark.gate` marks a gate; `pytest.skip(...)` makes a check "not gradable here".

Fail closed: every check the manifest lists starts as "did not run"; only a check that
ran here and passed earns its points. Check files: `test_visible.py` (students see these
in their notebook) and `test_hidden.py` (the rest), under `autograder/checks/<id>/`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import io
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import torch

from autograder.expect import CheckFailed
from autograder.manifest import Assignment, Item
from autograder.results import CheckResult, ItemResult
from autograder.student import Student, StudentError, WorkerLost

__all__ = ["FIXTURES", "Check", "checks_in", "load_reference", "preload", "run_checks",
           "visible_of"]

VISIBLE, HIDDEN = "test_visible.py", "test_hidden.py"
# what a check may ask for; anything else is a bug in the check, found by the kit's tests
FIXTURES = ("student", "reference", "assignment", "answers", "other_cells", "tmp_path")


def load_reference(assignment: Assignment) -> ModuleType:
    """The reference solutions, imported from `solutions/<id>.py` (never shipped)."""
    path = assignment.path("solution")
    if not path.exists():
        raise FileNotFoundError(f"no reference solutions at {path}")
    return _import(path, path.stat().st_mtime_ns)


@cache
def _import(path: Path, version: int) -> ModuleType:
    """A module from a file, once per version of the file (its modification time)."""
    name = f"autograder_{path.parent.name}_{path.stem}".replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def visible_of(hidden_file: str | Path) -> ModuleType:
    """The visible checks beside a hidden check file, for the helpers written there: one
    copy serves both files, with the messages students already know from their notebook
    (`_visible = visible_of(__file__)` in `test_hidden.py`; never import its `test_`s)."""
    path = Path(hidden_file).with_name(VISIBLE)
    return _import(path, path.stat().st_mtime_ns)


@dataclass(frozen=True)
class Check:
    """One check function of a check file, as the runner calls it."""

    id: str
    function: Callable[..., Any]
    visible: bool
    gate: bool
    fixtures: tuple[str, ...]

    @property
    def hint(self) -> str:
        return " ".join((self.function.__doc__ or "").split())


def checks_in(path: Path) -> tuple[Check, ...]:
    """The check functions of one file, in the order they are written."""
    module = _import(path, path.stat().st_mtime_ns)
    found = []
    for name, function in vars(module).items():
        if not (name.startswith("test_") and inspect.isfunction(function)):
            continue
        marks = {mark.name for mark in getattr(function, "pytestmark", ())}
        fixtures = tuple(inspect.signature(function).parameters)
        unknown = [f for f in fixtures if f not in FIXTURES]
        if unknown or marks - {"gate"}:
            raise RuntimeError(f"{path}: {name} asks for {unknown or sorted(marks - {'gate'})}"
                               f", which the kit does not provide (fixtures: "
                               f"{', '.join(FIXTURES)}; marks: gate)")
        found.append(Check(name.removeprefix("test_"), function, path.name == VISIBLE,
                           "gate" in marks, fixtures))
    return tuple(found)


def _verdict(exc: BaseException, item: str) -> tuple[str, str, float]:
    """(message, hint, score) for an exception raised by a check."""
    if isinstance(exc, CheckFailed):
        return exc.message, exc.hint, exc.score
    if isinstance(exc, StudentError):
        if exc.type == "NameError" and f"{item} is not defined" in exc.detail:
            return f"{item} is not defined", "Run its cell; keep the name as given.", 0.0
        if exc.type == "NotImplementedError":  # raised in its own cell, or in a helper's
            own = not exc.where or exc.where.startswith(f"your `{item}` cell")
            whose = item if own else f"{item} calls code that"
            return (f"{whose} is not implemented yet" + (f" ({exc.where})" if exc.where else ""),
                    "Replace `raise NotImplementedError()` with your code.", 0.0)
        return f"your code raised {exc.describe()}", "", 0.0
    if isinstance(exc, WorkerLost):
        return f"your code could not finish: {exc}", "", 0.0
    return (f"the check could not run: {type(exc).__name__}: {exc}",
            "This may be a bug in the kit; tell your instructor.", 0.0)


@cache
def _warm_autograd() -> None:
    """The first gradient of a non-scalar output imports sympy (half a second, once per
    process): done in a thread while the grader waits for the worker's first replies."""
    def warm() -> None:
        x = torch.zeros(2, requires_grad=True)
        torch.autograd.grad(x * 2, x, torch.ones(2))

    threading.Thread(target=warm, name="autograder-warm-autograd", daemon=True).start()


def preload(assignment: Assignment, hidden: bool) -> None:
    """Import the check files (and, for hidden checks, the reference) ahead of the checks,
    and warm what the first gradient check would otherwise pay for."""
    _warm_autograd()
    folder = assignment.path("checks")
    for path in [folder / VISIBLE] + ([folder / HIDDEN] if hidden else []):
        if path.exists():
            checks_in(path)
    if hidden and assignment.path("solution").exists():
        load_reference(assignment)


@contextlib.contextmanager
def _fixtures(check: Check, assignment: Assignment, student: Student,
              answers: dict[str, str], other_cells: tuple[str, ...]) -> Iterator[dict]:
    """The arguments a check names, made for this one call."""
    with contextlib.ExitStack() as stack:
        made: dict[str, Any] = {}
        for name in check.fixtures:
            if name == "reference":
                made[name] = load_reference(assignment)
            elif name == "tmp_path":
                made[name] = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            else:
                made[name] = {"student": student, "assignment": assignment,
                              "answers": answers, "other_cells": other_cells}[name]
        yield made


def _run_one(check: Check, owner: str, assignment: Assignment, student: Student,
             answers: dict[str, str], other_cells: tuple[str, ...]) -> CheckResult:
    """Call one check with a fresh seed; its outcome as a result, whatever it raised."""
    started = time.perf_counter()
    common = {"id": check.id, "item": owner, "visible": check.visible, "gate": check.gate}
    seed = student.use_seed(f"{assignment.id}/test_{check.id}")
    torch.manual_seed(seed)
    try:
        with warnings.catch_warnings(), \
                _fixtures(check, assignment, student, answers, other_cells) as kwargs:
            warnings.simplefilter("ignore")
            check.function(**kwargs)
    except pytest.skip.Exception as exc:
        return CheckResult(**common, passed=False, gradable=False,
                           message=f"not gradable here: {exc.msg}", hint=check.hint,
                           seconds=time.perf_counter() - started)
    except (Exception, pytest.fail.Exception) as exc:
        message, sharper, score = _verdict(exc, owner)
        return CheckResult(**common, passed=False, score=score, message=message,
                           hint=sharper or check.hint, seconds=time.perf_counter() - started)
    return CheckResult(**common, passed=True, score=1.0, hint=check.hint,
                       seconds=time.perf_counter() - started)


def run_checks(assignment: Assignment, student: Student, *, hidden: bool,
               answers: dict[str, str], other_cells: tuple[str, ...] = (),
               items: tuple[str, ...] | None = None,
               checks: tuple[str, ...] | None = None) -> tuple[ItemResult, ...]:
    """Run the visible (or all) checks of the chosen items; one result per item.

    `checks` runs only those of the items' checks (the kit's tests, proving that a named
    check catches a mistake without paying for its item's training runs); each item's
    result then holds only them.
    """
    folder = assignment.path("checks")
    files = [folder / VISIBLE] + ([folder / HIDDEN] if hidden else [])
    found = [check for path in files if path.exists() for check in checks_in(path)]
    owner = {check: item.name for item in assignment.items for check in item.checks}
    unknown = [check.id for check in found if check.id not in owner]
    if unknown:
        raise RuntimeError(f"checks not listed in assignments/{assignment.id}.toml: "
                           f"{', '.join(unknown)}")
    chosen = [i for i in assignment.items if items is None or i.name in items]
    wanted = {c for i in chosen for c in i.checks if checks is None or c in checks}
    results: dict[str, CheckResult] = {}
    sink = io.StringIO()  # what checks or the kit print is nobody's business
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        for check in found:
            if check.id in wanted:
                results[check.id] = _run_one(check, owner[check.id], assignment, student,
                                             answers, other_cells)
    collected = {check.id for check in found}
    return tuple(_item_result(item, results, collected, hidden, wanted) for item in chosen)


def _item_result(item: Item, results: dict[str, CheckResult], collected: set[str],
                 hidden: bool, wanted: set[str]) -> ItemResult:
    """The item's checks that ran; in a full run, a listed check that did not run fails."""
    checks = []
    for check_id in item.checks:
        result = results.get(check_id)
        if result is None:
            if check_id not in wanted or (not hidden and check_id not in collected):
                continue  # not asked for, or a hidden check in a visible-only run
            result = CheckResult(check_id, item.name, passed=False,
                                 message="the check did not run")
        checks.append(result)
    return ItemResult(item.name, item.points, tuple(checks))
