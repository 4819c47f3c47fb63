"""`check` and `points`: the checks, run from inside a student's notebook.

Why in-process: a student checking their own work needs an answer in a second, with the
same checks and hints the grader uses. The code under test is the student's own kernel's,
so there is nothing to protect from it here; `LocalStudent` still passes every value
through the same bytes round trip as the worker. In a grading worker (where the
environment says so) both functions do nothing: cells that call them are not graded code.

`points` is what nbgrader's hidden test cells call: it runs every check and returns the
item's points, which nbgrader reads as partial credit. It never raises and never writes
to stderr, since nbgrader would read either as zero.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import sys
from typing import Any

__all__ = ["check", "points"]


def _in_worker() -> bool:
    return os.environ.get("AUTOGRADER_WORKER") == "1"


def _namespace(name: str, obj: Any) -> dict[str, Any]:
    """What the object sees: its module's globals (the notebook's), with `name` bound to it."""
    namespace = getattr(obj, "__globals__", None)
    if namespace is None:
        module = sys.modules.get(getattr(obj, "__module__", None) or "")
        namespace = vars(module) if module else {}
    return {**namespace, name: obj}


def _assignment(name: str, namespace: dict[str, Any]):
    """The assignment with this graded name; if several, the one most defined here."""
    from autograder.manifest import ManifestError, all_assignments

    candidates = [a for a in all_assignments() if any(i.name == name for i in a.items)]
    if not candidates:
        raise ManifestError(f"{name!r} is not a graded name of any assignment")
    return max(candidates, key=lambda a: sum(i.name in namespace for i in a.items))


def _answer(name: str, obj: Any, history: tuple[str, ...]) -> str:
    """The text of the cell that defined `name`, as the grader scans it; else the object's."""
    for cell in reversed(history):  # IPython's `In`: the cells run so far, in order
        if f"def {name}(" in cell or f"class {name}(" in cell:
            return cell
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        return ""


def _run(name: str, obj: Any, hidden: bool):
    from autograder.engine import run_checks
    from autograder.student import LocalStudent

    namespace = _namespace(name, obj)
    assignment = _assignment(name, namespace)
    history = tuple(cell for cell in namespace.get("In", ()) if isinstance(cell, str))
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), \
            LocalStudent(namespace) as student:
        (item,) = run_checks(assignment, student, hidden=hidden,
                             answers={name: _answer(name, obj, history)},
                             other_cells=history, items=(name,))
    return item


def check(name: str, obj: Any, *, hidden: bool = False) -> None:
    """Run the checks of graded item `name` on `obj` and print what passed and why not."""
    if _in_worker():
        return
    from autograder.report import render_item

    item = _run(name, obj, hidden)
    scope = "all checks" if hidden else "visible checks"
    print(f"{name}: {scope}\n{render_item(item)}")


def points(name: str, obj: Any) -> float:
    """All checks of `name`; the item's points as a float (nbgrader's partial credit)."""
    if _in_worker():
        return 0.0
    try:
        from autograder.report import render_item

        item = _run(name, obj, hidden=True)
    except Exception as exc:  # never a traceback or stderr in a graded cell
        print(f"{name}: the checks could not run: {type(exc).__name__}: {exc}")
        return 0.0
    print(render_item(item))
    return float(item.score)
