"""Grading a class on a Dask cluster: one task per submission, records kept at home.

Why Dask and not a queue of our own: a course with thousands of submissions needs
machines, and Dask distributed already schedules tasks on them, notices a worker that
dies and runs its task again elsewhere. Each task carries one submission's bytes, so the
workers need the kit (with `solutions/`) and bubblewrap installed but not the course
folder; it grades in the same sandbox as a local run, on the Dask worker's machine, and
sends back the result as plain data. The instructor's process writes every record and the
gradebook itself, as a local run does, so a run stays resumable and ends in the same
exports.

Within one Dask worker process the tasks take turns (the grader keeps one warm sandbox
per process); give each worker one thread (`dask worker --nthreads 1`) and run several
worker processes per machine. A task whose worker dies is run again by Dask, up to the
scheduler's `distributed.scheduler.allowed-failures` (set it to 1 for "retried once");
one that kills workers past that is recorded as not graded, as a local run does.

The Dask worker runs `run_task`; the instructor's process runs `run`, which yields the
same `slots.Outcome`s as `slots.run`, so `classroom` grades either way alike.
"""

from __future__ import annotations

import gc
import secrets
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from autograder.slots import Outcome, SlotError

__all__ = ["run", "run_task"]

_turn = threading.Lock()      # one submission at a time per Dask worker process
_prepared: set[tuple[str, str]] = set()


def _prepare(assignment_id: str, sandbox: str, scratch: Path) -> None:
    """Once per Dask worker process and assignment: the sandbox, then a practice run."""
    from autograder import launch, manifest
    from autograder.grade import grade_notebook

    if (assignment_id, sandbox) in _prepared:
        return
    assignment = manifest.load(assignment_id)
    launch.use_sandbox(sandbox, hide=(scratch,), warn=False)
    launch.refuse_unconfined_root()
    practice = assignment.path("release")
    grade_notebook(practice if practice.exists() else assignment.path("source"),
                   assignment=assignment, hidden=True)
    gc.freeze()
    _prepared.add((assignment_id, sandbox))


def run_task(assignment_id: str, notebook: bytes, sandbox: str) -> tuple[str, Any]:
    """On a Dask worker: grade one submission's bytes; ("graded", result as plain data) or
    ("unreadable", why). A bug in the kit raises, and the instructor sees it."""
    from autograder import manifest
    from autograder.grade import grade_notebook
    from autograder.submission import NotebookError

    scratch = Path(tempfile.gettempdir()) / "autograder-dask-submissions"
    scratch.mkdir(exist_ok=True)
    with _turn:
        _prepare(assignment_id, sandbox, scratch)
        assignment = manifest.load(assignment_id)
        with tempfile.TemporaryDirectory(dir=scratch) as folder:
            path = Path(folder) / assignment.notebook_name
            path.write_bytes(notebook)
            try:
                result = grade_notebook(path, assignment=assignment, hidden=True)
            except NotebookError as exc:
                return "unreadable", str(exc)
    return "graded", result.to_dict()


def run(jobs: Iterable[tuple[str, tuple[str, str]]], *, scheduler: str,
        sandbox: str) -> Iterator[Outcome]:
    """Grade `(student, (assignment_id, notebook path))` jobs on the scheduler's cluster.

    Outcomes come as tasks finish: the result (rebuilt from plain data), the error a kit
    bug raised, or `lost` when the task's workers died more often than Dask allows.
    """
    try:
        from distributed import Client, as_completed
        from distributed.scheduler import KilledWorker
    except ImportError:
        raise SlotError("grading on Dask needs the `distributed` package: "
                        "pip install -e '.[dask]'") from None
    from autograder.notebook_file import NotebookError, read_notebook
    from autograder.results import AssignmentResult

    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise SlotError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        futures, unreadable = {}, []
        for student, (assignment_id, notebook) in jobs:
            try:  # a file that is no notebook is answered here, as a local run would
                read_notebook(Path(notebook))
            except NotebookError as exc:
                unreadable.append(Outcome(student, value=("unreadable", str(exc))))
                continue
            future = client.submit(run_task, assignment_id, Path(notebook).read_bytes(),
                                   sandbox, pure=False,
                                   key=f"grade-{assignment_id}-{student}-{secrets.token_hex(4)}")
            futures[future] = student
        yield from unreadable
        for future in as_completed(futures):
            student = futures[future]
            try:
                kind, value = future.result()
            except KilledWorker as exc:
                yield Outcome(student, lost=f"died on it on every Dask worker it was sent to "
                                            f"({exc})")
                continue
            except Exception as exc:
                yield Outcome(student, error=f"{type(exc).__name__}: {exc}")
                continue
            payload = AssignmentResult.from_dict(value) if kind == "graded" else value
            yield Outcome(student, value=(kind, payload))
