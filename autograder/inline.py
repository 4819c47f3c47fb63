"""`check` and `points`: the checks, run from inside a student's notebook.

Why in-process: a student checking their own work needs an answer in a second, with the
same checks and hints the grader uses. The code under test is the student's own kernel's,
so there is nothing to protect from it here; `LocalStudent` still passes every value
through the same bytes round trip as the worker. In a grading worker (where the
environment says so) both functions do nothing: cells that call them are not graded code.

`points` is what nbgrader's hidden test cells call: it runs every check and returns the
item's points, which nbgrader reads as partial credit. It never raises and never writes
to stderr, since nbgrader would read either as zero.

In a notebook, `check` displays the result as a small table (`autograder.rich`) and names
the student's cells as they see them: an error in the cell that defines a graded name is in
"your `softmax` cell", another cell is "cell [5]" as the notebook numbers it, not the file
name the kernel compiled it under (`/tmp/ipykernel_1234/567.py`).
"""

from __future__ import annotations

import contextlib
import inspect
import io
import linecache
import os
import re
import sys
from collections.abc import Callable
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


def _shell() -> Any:
    """The running IPython shell (a notebook's kernel), or None in a plain Python process."""
    ipython = sys.modules.get("IPython")  # imported already wherever a shell runs
    return ipython.get_ipython() if ipython is not None else None


# the file names IPython (<ipython-input-5-...>) and ipykernel (.../ipykernel_12/345.py) give
# the code of a cell
_CELL_FILE = re.compile(r"^<ipython-input-\d+-|ipykernel_\d+[/\\]\d+\.py$")


def _defines(source: str, name: str) -> bool:
    """Does this cell's code define `name` at its top level (def, class or assignment)?"""
    name = re.escape(name)
    return re.search(rf"^(?:(?:async\s+)?def|class)\s+{name}\b|^{name}\s*(?::[^=\n]*)?=(?!=)",
                     source, re.M) is not None


def cell_namer(graded: tuple[str, ...], shell: Any = None) -> Callable[[str], str | None]:
    """How the kernel's cells read to the student: a code file name -> words, or None.

    The cell that defines one of the assignment's graded names is "your `softmax` cell";
    another is "cell [5]", the number the notebook shows beside it (IPython keeps it for
    each file name it compiled); a cell it does not know is "another cell". A file that is
    not a cell (torch, the kit, a module) is None: its own name says where it is.
    """
    compiler = getattr(shell if shell is not None else _shell(), "compile", None)
    numbers = getattr(compiler, "_filename_map", None)
    numbers = numbers if isinstance(numbers, dict) else {}

    def name(filename: str) -> str | None:
        number = numbers.get(filename)
        if number is None and not _CELL_FILE.search(filename):
            return None
        source = "".join(linecache.getlines(filename))
        defined = next((g for g in graded if _defines(source, g)), None)
        if defined:
            return f"your `{defined}` cell"
        return f"cell [{number}]" if isinstance(number, int) and number > 0 else "another cell"

    return name


def _run(name: str, obj: Any, hidden: bool):
    from autograder.engine import run_checks
    from autograder.ops import CELL_NAMES
    from autograder.student import LocalStudent

    namespace = _namespace(name, obj)
    assignment = _assignment(name, namespace)
    history = tuple(cell for cell in namespace.get("In", ()) if isinstance(cell, str))
    sink = io.StringIO()
    names = CELL_NAMES.set(cell_namer(tuple(i.name for i in assignment.items)))
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), \
                LocalStudent(namespace) as student:
            (item,) = run_checks(assignment, student, hidden=hidden,
                                 answers={name: _answer(name, obj, history)},
                                 other_cells=history, items=(name,))
    finally:
        CELL_NAMES.reset(names)
    return item


def check(name: str, obj: Any, *, hidden: bool = False) -> None:
    """Run the checks of graded item `name` on `obj` and show what passed and why not.

    In a notebook the result is displayed as a table, with the plain text beside it for
    whatever cannot show HTML; elsewhere the text is printed.
    """
    if _in_worker():
        return
    from autograder.rich import ItemView

    view = ItemView(_run(name, obj, hidden), hidden=hidden)
    if _shell() is None:
        print(view.text)
        return
    from IPython.display import display

    display(view)


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
