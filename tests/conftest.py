"""Shared fixtures for the kit's own tests: notebooks built from the source, graded.

Also the one rule for tests that only an OS sandbox can pass (files hidden from student
code, no network): where neither bubblewrap nor root's namespaces can run here, they are
skipped with one reason that names the install command, and the end of the run counts
them; `AUTOGRADER_REQUIRE_SANDBOX=1` (CI) makes those skips failures.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

# One thread per test process, set before torch is imported (and inherited by the processes
# tests start): the suite runs a process per core (pytest-xdist), and torch's default of a
# thread per core in each of them oversubscribes the cores whenever two compute at once,
# which slowed every assignment's tests by 10-15 % on two cores. The grading worker runs on
# one thread already (autograder.ops).
os.environ.setdefault("OMP_NUM_THREADS", "1")

from autograder import launch, manifest

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "tests" / "mutants"
ALTERNATIVES = ROOT / "tests" / "alternatives"
ASSIGNMENTS = [a.id for a in manifest.all_assignments()]
REQUIRE_SANDBOX = os.environ.get("AUTOGRADER_REQUIRE_SANDBOX") == "1"
SANDBOX_SKIP = "needs the OS sandbox, which cannot run here"


def needs_confinement(level: str) -> None:
    """Skip (or, in CI, fail) a test that needs `level`: bubblewrap, namespaces or either."""
    bwrap, bwrap_why = launch.sandbox_status()
    spaces, spaces_why = launch.namespace_status()
    works = {"bubblewrap": bwrap, "namespaces": spaces, "either": bwrap or spaces}[level]
    if works:
        return
    why = {"bubblewrap": bwrap_why, "namespaces": spaces_why,
           "either": f"{bwrap_why}; {spaces_why}"}[level]
    reason = f"{SANDBOX_SKIP} ({why}); to run it, {launch.INSTALL}"
    if REQUIRE_SANDBOX:
        pytest.fail(f"AUTOGRADER_REQUIRE_SANDBOX=1, but this test {reason}", pytrace=False)
    pytest.skip(reason)


# started first, so that two processes (pytest-xdist) do not end with one of them alone on it
SLOWEST_FIRST = ("tests/test_demo.py", "tests/test_grade_class.py", "tests/test_gradescope.py")


def pytest_collection_modifyitems(items: list) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(SLOWEST_FIRST))


# the suite's lines that no assignment owns, after the assignments'
GRADER_ATTACKS = "attacks on the grader (01's notebook)"
WARM_UP = "process warm-ups (zygotes)"
SHARED = "shared by all"
_WARM_UP_PROPERTY = "zygote_wait_seconds"


def _charging_zygote_waits(item: pytest.Item, when: str):
    """Around one phase of a test: the seconds it waited for a zygote to start (its
    process's first, or one started again after a test switched confinement) go to the
    warm-up line, not to the test's assignment, whose time they do not depend on."""
    before = launch.zygote_wait_seconds()
    try:
        return (yield)
    finally:
        waited = launch.zygote_wait_seconds() - before
        if waited:
            item.user_properties.append((f"{_WARM_UP_PROPERTY}:{when}", waited))


def charge_warm_up(item: pytest.Item, seconds: float) -> None:
    """Count `seconds` more of this test's setup as warm-up: what a fixture spent making
    cold processes warm besides waiting for zygotes (a worker's first imports, the grader's
    first grading), which the test's assignment would otherwise pay."""
    if seconds > 0:
        item.user_properties.append((f"{_WARM_UP_PROPERTY}:setup", seconds))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from _charging_zygote_waits(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _charging_zygote_waits(item, "call"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    return (yield from _charging_zygote_waits(item, "teardown"))


def _owner(nodeid: str) -> str:
    if "[grader/" in nodeid:
        return GRADER_ATTACKS
    return next((a for a in ASSIGNMENTS if a in nodeid), SHARED)


def _suite_seconds(stats: dict) -> dict[str, float]:
    """Seconds of tests per assignment (its id in the test's name), for the attacks on the
    grader itself, for the processes' warm-ups, and for the rest."""
    seconds: dict[str, float] = {}
    for reports in stats.values():
        for report in reports:
            if not hasattr(report, "duration") or not hasattr(report, "nodeid"):
                continue
            warm = sum(value for key, value in getattr(report, "user_properties", ())
                       if key == f"{_WARM_UP_PROPERTY}:{report.when}")
            owner = _owner(report.nodeid)
            seconds[owner] = seconds.get(owner, 0.0) + report.duration - warm
            if warm:
                seconds[WARM_UP] = seconds.get(WARM_UP, 0.0) + warm
    return seconds


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """The suite's time per assignment (its budget: 2 minutes each), then the count of tests
    the missing sandbox cost, once, with how to get them."""
    seconds = _suite_seconds(terminalreporter.stats)
    if seconds:
        terminalreporter.section("suite time per assignment (test seconds, all processes)")
        last = (GRADER_ATTACKS, WARM_UP, SHARED)
        for owner, total in sorted(seconds.items(), key=lambda kv: (
                last.index(kv[0]) if kv[0] in last else -1, kv[0])):
            terminalreporter.write_line(f"{owner:38} {total:7.1f} s")
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if SANDBOX_SKIP in str(getattr(r, "longrepr", ""))]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} tests skipped because they need the OS sandbox, which cannot run "
            f"here; to run them, {launch.INSTALL} (see the README's Sandbox section)",
            yellow=True, bold=True)


@dataclass(frozen=True)
class Mutant:
    """A realistic wrong answer for one graded name, and words its failure must contain.

    `caught_by` names the checks that catch it, where its item's other checks train a model
    (seconds each): it is then graded on those alone, and each of them must fail.
    """

    assignment: str
    name: str
    path: Path
    mistake: str
    expect: tuple[str, ...]
    caught_by: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return self.path.read_text()


def read_mutant(path: Path) -> Mutant:
    text = path.read_text()
    mistake = re.search(r"^# Mistake: (.+)$", text, re.M)
    expect = re.findall(r"^# Expect: (.+)$", text, re.M)
    assert mistake and expect, f"{path} needs '# Mistake:' and '# Expect:' header lines"
    caught_by = re.search(r"^# Caught by: (.+)$", text, re.M)
    return Mutant(path.parent.name, path.stem.split("__")[0], path, mistake.group(1),
                  tuple(e.strip() for e in expect),
                  tuple(c.strip() for c in caught_by.group(1).split(",")) if caught_by else ())


def all_mutants() -> list[Mutant]:
    return [read_mutant(p) for p in sorted(MUTANTS.glob("*/*.py"))]


@dataclass(frozen=True)
class Alternative:
    """A correct answer for one graded name, written differently from the reference."""

    assignment: str
    name: str
    path: Path
    how: str

    @property
    def source(self) -> str:
        return self.path.read_text()


def read_alternative(path: Path) -> Alternative:
    how = re.search(r"^# Alternative: (.+)$", path.read_text(), re.M)
    assert how, f"{path} needs an '# Alternative:' header line saying what differs"
    return Alternative(path.parent.name, path.stem.split("__")[0], path, how.group(1))


def all_alternatives() -> list[Alternative]:
    return [read_alternative(p) for p in sorted(ALTERNATIVES.glob("*/*.py"))]


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


@dataclass(frozen=True)
class Ran:
    """What a command printed and its exit code, as `subprocess.run` would give them."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Ran:
    """`autograder ARGS` in this process: the same code as the console command, without
    another interpreter importing torch (one test per command keeps the real process)."""
    from autograder.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Ran(code, out.getvalue(), err.getvalue())
