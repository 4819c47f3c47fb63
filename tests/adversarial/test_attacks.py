"""Does every attack on the grader gain nothing, end, explain itself, and leave no trace?

Each attack in attacks/<assignment>/ (or attacks/grader/, the attacks on the grader itself)
replaces one cell of a solved notebook (or adds one) with code that tries to cheat. Graded
with the hidden checks under a short budget, the attacked item may earn no more than its
wrong function deserves, every other item keeps its points, the messages say what went
wrong in words (no traceback), nothing escapes the worker (the traps stay empty), and the
grading process itself is left as it was. After all of them, the correct notebooks graded
in the same process still earn full marks.
"""

from __future__ import annotations

import builtins
import time
from dataclasses import replace

import pytest
import torch

from autograder import launch, manifest
from autograder.grade import grade_notebook
from tests.adversarial.harness import ROOT, Traps, all_attacks, label, notebook_with_attack
from tests.conftest import charge_warm_up, needs_confinement

ATTACKS = all_attacks()
REQUEST_SECONDS, SUBMISSION_SECONDS = 4.0, 60.0  # warm zygotes: a request takes < 1 s
# not a timing test: grading must end, and the budget bounds it (worker restarts included)
WALL_SECONDS = 3 * SUBMISSION_SECONDS
UNCLEAR = ("Traceback (most recent call last)", "This may be a bug in the kit")


def short_budget(assignment_id: str) -> manifest.Assignment:
    """The assignment with a short budget, so an endless loop costs seconds and a memory
    bomb fills a gigabyte, not four, on a machine other jobs share."""
    assignment = manifest.load(assignment_id)
    return replace(assignment, budget=replace(assignment.budget,
                                              request_seconds=REQUEST_SECONDS,
                                              submission_seconds=SUBMISSION_SECONDS,
                                              memory_mb=1024))


def grader_state() -> dict:
    """What an attack must not be able to change in the grading process."""
    return {"allclose": torch.allclose, "equal": torch.equal, "dtype": torch.get_default_dtype(),
            "grad": torch.is_grad_enabled(), "threads": torch.get_num_threads(),
            "builtins": {k: id(v) for k, v in vars(builtins).items()},
            "tensor_eq": torch.Tensor.__eq__}


@pytest.fixture(autouse=True)
def warm_zygotes(request) -> None:
    """A cold zygote (a process's first, or one started again after another test switched
    confinement) and its first worker take longer than an attack's short budget of 4 s a
    request; both confinements are made warm here, under the normal budget, side by side,
    so that the budget is spent on the attack. The suite counts that time as warm-up
    (tests/conftest.py), not as the time of the attack's assignment."""
    started, waited = time.perf_counter(), launch.zygote_wait_seconds()
    solved = manifest.load("01-linear-regression")
    for bubblewrap in (False, True):
        launch.use_sandbox("auto", bubblewrap=bubblewrap, warn=False)
        launch.prestart()
    cold = False
    for bubblewrap in (False, True):
        launch.use_sandbox("auto", bubblewrap=bubblewrap, warn=False)
        if launch.zygote_is_cold():
            cold = True
            grade_notebook(solved.path("source"), assignment=solved, hidden=False)
    launch.use_sandbox("auto")
    if cold:  # the waits for zygotes are counted already, by the hooks in tests/conftest.py
        charge_warm_up(request.node, time.perf_counter() - started
                       - (launch.zygote_wait_seconds() - waited))


@pytest.fixture
def traps(tmp_path):
    traps = Traps(tmp_path / "traps")
    yield traps
    traps.close()


def test_enough_attacks():
    """Are there at least 20 attacks, each in the README's table?"""
    assert len(ATTACKS) >= 20, f"only {len(ATTACKS)} attacks"
    table = (ROOT / "tests" / "adversarial" / "README.md").read_text()
    missing = [a.name for a in ATTACKS if f"`{a.name}`" not in table]
    assert not missing, f"attacks missing from README.md: {missing}"


# what only an OS sandbox stops (bubblewrap, or root's namespaces): with neither, these succeed
NEEDS_SANDBOX = {"reads_solutions", "leaks_checks", "reads_other_submission",
                 "overwrites_reference", "writes_outside_scratch", "opens_network"}
IDS = [label(a) for a in ATTACKS]


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_attack_gains_nothing(attack, traps, tmp_path, monkeypatch):
    """Does the attack earn nothing it did not earn, end, explain itself, and leave no trace?"""
    if attack.name in NEEDS_SANDBOX:
        needs_confinement("either")
    assert_gains_nothing(attack, traps, tmp_path, monkeypatch)


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_attack_gains_nothing_in_the_fallback(attack, traps, tmp_path, monkeypatch):
    """Without bubblewrap (the namespaces a root grader makes, else a plain subprocess with
    limits), does every attack the fallback can stop still gain nothing?"""
    if attack.name in NEEDS_SANDBOX:
        needs_confinement("namespaces")
    launch.use_sandbox("auto", bubblewrap=False, warn=False)
    try:
        assert_gains_nothing(attack, traps, tmp_path, monkeypatch)
    finally:
        launch.use_sandbox("auto")


def assert_gains_nothing(attack, traps, tmp_path, monkeypatch) -> None:
    if "@@KIT_COPY@@" in attack.source:
        monkeypatch.setenv("AUTOGRADER_ROOT", str(traps.kit_copy))
    solutions = {p.name: p.read_bytes() for p in (traps.kit_copy / "solutions").iterdir()}
    before = grader_state()
    notebook = notebook_with_attack(attack, traps.fill(attack.source),
                                    tmp_path / "alice" / f"{attack.assignment}.ipynb")
    result = grade_notebook(notebook, assignment=short_budget(attack.assignment), hidden=True)

    assert result.seconds < WALL_SECONDS, f"grading took {result.seconds:.0f} s"
    report = "\n".join([*(f"{c.message} {c.hint}" for i in result.items for c in i.checks),
                        *result.problems, *(c.message for c in result.cells)])
    if attack.item != "none":
        attacked = result.item(attack.item)
        assert attacked.score <= attack.earns, (
            f"{attack.name} earned {attacked.score} on {attack.item} (at most "
            f"{attack.earns}): {attack.what}")
    for item in result.items:
        if item.name != attack.item and item.name not in attack.spoils:
            assert item.score == item.max_score, (
                f"{attack.name} cost {item.name}, which it did not touch: "
                + "; ".join(c.message for c in item.checks if not c.passed))
    failures = "" if attack.item == "none" else " | ".join(
        f"{c.message} {c.hint}" for c in attacked.checks if not c.passed)
    for words in attack.expect:
        assert words.lower() in failures.lower(), f"no failure says {words!r}: {failures}"
    for bad in UNCLEAR:
        assert bad not in report, f"the report is not clear ({bad!r}):\n{report}"
    assert all(c.message.strip() != "AssertionError" for i in result.items for c in i.checks)

    assert traps.written() == [], f"{attack.name} wrote outside its scratch folder"
    assert traps.connections() == 0, f"{attack.name} opened a network connection"
    assert traps.survivors() == [], f"processes started by {attack.name} outlived the worker"
    hidden = manifest.load(attack.assignment).path("checks") / "test_hidden.py"
    leaked = [line for line in hidden.read_text().splitlines()
              if line.startswith("def test_") and line in report]
    assert not leaked, f"the hidden checks leaked: {leaked[:3]}"
    assert "Reference solutions for" not in report, "the reference solutions leaked"
    assert {p.name: p.read_bytes() for p in (traps.kit_copy / "solutions").iterdir()} \
        == solutions, f"{attack.name} changed the reference solutions"
    assert grader_state() == before, f"{attack.name} changed the grading process's state"


@pytest.mark.parametrize("assignment_id", sorted({a.assignment for a in ATTACKS}))
def test_correct_submission_after_the_attacks(assignment_id):
    """Graded in the same process after the attacks, does the solved notebook earn full marks?
    (Alone, after every attack; under pytest-xdist, after the share its process ran.)"""
    assignment = short_budget(assignment_id)
    result = grade_notebook(assignment.path("source"), assignment=assignment, hidden=True)
    failures = [f"{i.name}/{c.id}: {c.message}" for i in result.items for c in i.checks
                if not c.passed]
    assert result.score == result.max_score, failures
