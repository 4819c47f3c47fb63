"""Running an assignment's checks with pytest, and turning their outcomes into results.

Why pytest: checks are plain test functions with named fixtures (`student`, `reference`,
`assignment`, `answers`), so they read like any test and run in any pytest session. The
plugin below supplies those fixtures, gives each check a fresh seed, and keeps each
outcome as a value (passed, score, message, hint) instead of letting pytest print it.

Fail closed: every check the manifest lists starts as "did not run"; only a check that
ran here and passed earns its points. Check files: `test_visible.py` (students see these
in their notebook) and `test_hidden.py` (the rest), under `autograder/checks/<id>/`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
import time
import warnings
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
import torch

from autograder.expect import CheckFailed
from autograder.manifest import Assignment, Item
from autograder.results import CheckResult, ItemResult
from autograder.student import Student, StudentError, WorkerLost

__all__ = ["load_reference", "run_checks"]

VISIBLE, HIDDEN = "test_visible.py", "test_hidden.py"


def load_reference(assignment: Assignment) -> ModuleType:
    """The reference solutions, imported from `solutions/<id>.py` (never shipped)."""
    path = assignment.path("solution")
    if not path.exists():
        raise FileNotFoundError(f"no reference solutions at {path}")
    return _import(path)


@cache
def _import(path: Path) -> ModuleType:
    name = "autograder_reference_" + path.stem.replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _verdict(exc: BaseException, item: str) -> tuple[str, str, float]:
    """(message, hint, score) for an exception raised by a check."""
    if isinstance(exc, CheckFailed):
        return exc.message, exc.hint, exc.score
    if isinstance(exc, StudentError):
        if exc.type == "NameError" and f"{item} is not defined" in exc.detail:
            return f"{item} is not defined", "Run its cell; keep the name as given.", 0.0
        if exc.type == "NotImplementedError":
            whose = item if f"({item})" in exc.where or not exc.where else \
                f"{item} calls code that"
            return (f"{whose} is not implemented yet ({exc.where})",
                    "Replace `raise NotImplementedError()` with your code.", 0.0)
        return f"your code raised {exc.describe()}", "", 0.0
    if isinstance(exc, WorkerLost):
        return f"your code could not finish: {exc}", "", 0.0
    return (f"the check could not run: {type(exc).__name__}: {exc}",
            "This may be a bug in the kit; tell your instructor.", 0.0)


class _Plugin:
    """Fixtures for the checks, and the collector of their outcomes."""

    def __init__(self, assignment: Assignment, student: Student,
                 answers: dict[str, str], other_cells: tuple[str, ...]) -> None:
        self._assignment = assignment
        self.owner = {check: item.name for item in assignment.items for check in item.checks}
        self._student = student
        self._answers = answers
        self._other_cells = other_cells
        self.results: dict[str, CheckResult] = {}
        self.unknown: list[str] = []  # checks the manifest does not list: a kit error
        self.collected: set[str] = set()
        self._started: dict[str, float] = {}

    # fixtures ---------------------------------------------------------------------------
    @pytest.fixture
    def student(self, _fresh_state: None) -> Student:
        """The proxy to the student's code, seeded for this check by `_fresh_state`."""
        return self._student

    @pytest.fixture
    def reference(self) -> ModuleType:
        return load_reference(self._assignment)

    @pytest.fixture
    def assignment(self) -> Assignment:
        return self._assignment

    @pytest.fixture
    def answers(self) -> dict[str, str]:
        """The student's source text per graded name, for static checks."""
        return self._answers

    @pytest.fixture
    def other_cells(self) -> tuple[str, ...]:
        return self._other_cells

    @pytest.fixture(autouse=True)
    def _fresh_state(self, request: pytest.FixtureRequest):
        seed = self._student.use_seed(f"{self._assignment.id}/{request.node.name}")
        torch.manual_seed(seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield

    # outcomes ---------------------------------------------------------------------------
    def _identify(self, item: pytest.Item) -> tuple[str, str | None]:
        check_id = item.name.removeprefix("test_")
        return check_id, self.owner.get(check_id)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for item in session.items:
            check_id, owner = self._identify(item)
            if owner is None:
                self.unknown.append(check_id)
            else:
                self.collected.add(check_id)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self._started[item.nodeid] = time.perf_counter()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        yield
        check_id, owner = self._identify(item)
        if owner is None:
            return
        if check_id in self.results and not self.results[check_id].passed:
            return  # the first failure (setup or call) is the one to report
        visible = Path(str(item.path)).name == VISIBLE
        gate = item.get_closest_marker("gate") is not None
        hint = " ".join((item.function.__doc__ or "").split())
        seconds = time.perf_counter() - self._started.get(item.nodeid, time.perf_counter())
        common = {"id": check_id, "item": owner, "visible": visible, "gate": gate,
                  "seconds": seconds}
        if call.excinfo is not None:
            exc = call.excinfo.value
            if isinstance(exc, pytest.skip.Exception):
                self.results[check_id] = CheckResult(**common, passed=False, gradable=False,
                                                     message=f"not gradable here: {exc.msg}",
                                                     hint=hint)
                return
            message, sharper, score = _verdict(exc, owner)
            self.results[check_id] = CheckResult(**common, passed=False, score=score,
                                                 message=message, hint=sharper or hint)
        elif call.when == "call":
            self.results[check_id] = CheckResult(**common, passed=True, score=1.0, hint=hint)


def run_checks(assignment: Assignment, student: Student, *, hidden: bool,
               answers: dict[str, str], other_cells: tuple[str, ...] = (),
               items: tuple[str, ...] | None = None) -> tuple[ItemResult, ...]:
    """Run the visible (or all) checks of the chosen items; one result per item."""
    folder = assignment.path("checks")
    files = [folder / VISIBLE] + ([folder / HIDDEN] if hidden else [])
    chosen = [i for i in assignment.items if items is None or i.name in items]
    wanted = {c for i in chosen for c in i.checks}
    plugin = _Plugin(assignment, student, answers, other_cells)
    args = [str(f) for f in files if f.exists()] + [
        "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "-p", "no:warnings",
        "-p", "no:logging",  # no check logs; capturing it cost 40 ms a submission
        "--import-mode=importlib", "--rootdir", str(folder.parent),
        "-c", str(folder.parent / "pytest.ini"),
        "-k", " or ".join(f"test_{c}" for c in sorted(wanted)) or "nothing_at_all",
    ]
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        code = pytest.main(args, plugins=[plugin])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise RuntimeError(f"the checks of {assignment.id} could not run (pytest exit "
                           f"code {int(code)}):\n{sink.getvalue()[-3000:]}")
    if plugin.unknown:
        raise RuntimeError(f"checks not listed in assignments/{assignment.id}.toml: "
                           f"{', '.join(plugin.unknown)}")
    return tuple(_item_result(item, plugin, hidden) for item in chosen)


def _item_result(item: Item, plugin: _Plugin, hidden: bool) -> ItemResult:
    """The item's checks that ran; in a full run, a listed check that did not run fails."""
    checks = []
    for check_id in item.checks:
        result = plugin.results.get(check_id)
        if result is None:
            if not hidden and check_id not in plugin.collected:
                continue  # a hidden check, in a visible-only run
            result = CheckResult(check_id, item.name, passed=False,
                                 message="the check did not run")
        checks.append(result)
    return ItemResult(item.name, item.points, tuple(checks))
