"""A grading session: the student's code in a confined worker, restarted if it dies.

Why apart from the proxy: `Student` says what checks may ask; this module says how a
worker is started, fed the submission's cells, timed, and replaced when student code
kills it or loops forever, so that one bad cell or call costs only what depends on it.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from autograder import launch
from autograder.protocol import FrameError, read_frame, write_frame
from autograder.student import CellOutcome, Student, StudentError, WorkerLost

__all__ = ["Budget", "RemoteStudent"]


@dataclass
class Budget:
    """Wall-clock limits: per request, and for the whole submission."""

    request_seconds: float
    submission_seconds: float
    started: float = field(default_factory=time.monotonic)

    def left(self) -> float:
        return self.submission_seconds - (time.monotonic() - self.started)


class RemoteStudent(Student):
    """The student's code in a confined worker process, restarted if it dies.

    On a restart the cells that ran before are run again, and a cell that killed the
    worker is skipped from then on, so one bad cell costs only what depends on it.
    """

    MAX_RESTARTS = 12      # in all; the submission's time budget bounds them too
    KILLS_PER_NAME = 2     # a function that stops the worker this often is not called again
    START_SECONDS = 120.0

    def __init__(self, cells: list[tuple[str, str]], budget: Budget,
                 limits: launch.Limits) -> None:
        super().__init__()
        self.cells = cells
        self.budget = budget
        self.limits = limits
        self.worker: launch.WorkerProcess | None = None
        self.outcomes: list[CellOutcome] = []
        self.skipped: set[str] = set()
        self.restarts = 0
        self.kills: Counter[str] = Counter()
        self.lost: str | None = None
        self.student_seconds = 0.0  # measured by the worker: time inside the student's code

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> RemoteStudent:
        """Start the worker and run the cells; `WorkerLost` if it cannot be started."""
        self._boot()
        return self

    def __enter__(self) -> RemoteStudent:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.worker is not None:
            try:
                write_frame(self.worker.requests, {"op": "exit"})
            except (OSError, ValueError):
                pass
            self.worker.stop()
            self.worker = None

    def _boot(self) -> None:
        """Start a worker and run the cells; a cell that kills it is skipped from then on."""
        while True:
            try:
                self.worker = launch.start(self.limits)
            except OSError as exc:
                raise WorkerLost(f"the worker could not be started: {exc}") from None
            try:
                ready = read_frame(self.worker.replies, timeout=self.START_SECONDS)
            except (TimeoutError, FrameError) as exc:
                tail = self.worker.log_tail()
                self.close()
                raise WorkerLost(f"the worker did not start ({type(exc).__name__}) {tail}") \
                    from None
            if ready.get("value") != "ready":
                self.close()
                raise WorkerLost("the worker did not start")
            if self._run_cells():
                return
            self.restarts += 1
            if self.restarts > self.MAX_RESTARTS:
                self.lost = f"gave up after {self.MAX_RESTARTS} restarts of your code"
                raise WorkerLost(self.lost)

    def _run_cells(self) -> bool:
        """Run every cell not skipped; False when one killed the worker."""
        for label, source in self.cells:
            if label in self.skipped:
                continue
            try:
                reply = self._send({"op": "run_cell", "source": source, "label": label})
            except WorkerLost as exc:
                self.skipped.add(label)
                self._record(CellOutcome(label, False, str(exc)))
                if self.lost:
                    raise
                return False
            error = "" if reply.get("ok") else StudentError(reply.get("error") or {}).describe()
            self._record(CellOutcome(label, bool(reply.get("ok")), error,
                                     reply.get("seconds", 0.0)))
        return True

    def _record(self, outcome: CellOutcome) -> None:
        if all(o.label != outcome.label for o in self.outcomes):
            self.outcomes.append(outcome)

    def _restart(self) -> None:
        if self.lost:
            raise WorkerLost(self.lost)
        if self.restarts >= self.MAX_RESTARTS:
            self.lost = f"gave up after {self.restarts} restarts of your code"
            raise WorkerLost(self.lost)
        self.restarts += 1
        self.close()
        self._boot()

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """The worker and everything it started stopped (SIGSTOP) while inside: threads or
        processes the student's code left running cannot slow what the grader times."""
        worker = self.worker
        if worker is None:
            yield
            return
        try:
            worker.freeze(True)
        except (OSError, ValueError):  # a zygote gone: nothing of the worker runs either
            yield
            return
        try:
            yield
        finally:
            try:
                worker.freeze(False)
            except (OSError, ValueError):
                self.close()

    # -- one exchange ------------------------------------------------------------------
    def _send(self, request: dict) -> dict:
        """One request and its reply; on a crash or timeout the worker is killed."""
        timeout = min(self.budget.request_seconds, self.budget.left())
        if timeout <= 0:
            self.close()
            self.lost = (f"the submission's time budget of "
                         f"{self.budget.submission_seconds:.0f} s was used up")
            raise WorkerLost(self.lost)
        request.setdefault("id", secrets.randbits(62))
        try:
            write_frame(self.worker.requests, request)
            reply = read_frame(self.worker.replies, timeout=timeout)
            if reply.get("id") != request["id"]:
                raise FrameError("not a reply")
            self.student_seconds += float(reply.get("seconds", 0.0))
            return reply
        except (TimeoutError, FrameError, OSError, ValueError) as exc:
            if isinstance(exc, FrameError) and str(exc) == "not a reply":
                why = ("the worker's reply did not answer the grader's request: did your "
                       "code write to the grader's channel?")
            elif isinstance(exc, TimeoutError):
                why = f"timed out after {timeout:.0f} s (an endless loop, or too slow?)"
            elif isinstance(exc, FrameError) and "unreadable" in str(exc):
                why = ("what your code returned cannot be read back as plain data "
                       "(tensors, numbers, strings, lists, tuples, dicts)")
            else:
                why = "the worker died (an exit, a crash, or the memory limit)"
            tail = self.worker.log_tail(300).strip()
            self.close()
            raise WorkerLost(why + (f"; it printed: ...{tail[-200:]}" if tail else "")) \
                from None

    def _exchange(self, request: dict) -> dict:
        """Send a request, restarting the worker first if the last one was lost.

        A function that stops the worker (an exit, a crash, an endless loop) on
        `KILLS_PER_NAME` calls is not called again, so it cannot use up the restarts and
        the time that the other items need.
        """
        name = str(request.get("target", {}).get("name")
                   or "a method of an object your code returned")
        if self.kills[name] >= self.KILLS_PER_NAME:
            raise WorkerLost(f"{name} stopped the worker on {self.kills[name]} calls, so it "
                             "is not called again")
        if self.worker is None:
            self._restart()
        try:
            return self._send(request)
        except WorkerLost:
            self.kills[name] += 1
            raise
