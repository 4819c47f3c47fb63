"""Long-lived grading processes, one per slot, each doing many jobs in turn.

Why long-lived: a slot imports torch, the checks and the reference solutions once, then
grades submission after submission (and keeps the warm worker zygote of `launch`).

Why not `ProcessPoolExecutor`: a pool that loses one process fails every job in flight
and cannot say which one killed it. Here a slot holds one job at a time, so a slot that
dies is charged to exactly that job, which is retried on a fresh slot and, if it kills
that one too, reported as lost; the other jobs never notice.

Slots are spawned (not forked: the parent may hold threads and an open database), ignore
Ctrl-C (the parent decides when to stop), and on Linux die with the parent (its death
signal), so a run killed with kill -9 leaves nothing grading on behind it.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["Outcome", "SlotError", "run"]

PR_SET_PDEATHSIG = 1
STOP_SECONDS = 10.0


class SlotError(Exception):
    """A slot could not start; nothing can be graded until that is fixed."""


@dataclass(frozen=True)
class Outcome:
    """What became of one job: its value, the error it raised, or why it was lost."""

    key: str
    value: Any = None
    error: str | None = None  # the job raised (a bug in the work, not a dead slot)
    lost: str | None = None   # how the slots died on it, each time it was tried


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _serve(conn: Connection, parent: int, setup: Callable[..., None] | None,
           setup_args: tuple, work: Callable[[Any], Any]) -> None:
    """A slot's life: set up once, say ready, then one job per message until told to stop."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if setup is not None:
            setup(*setup_args)
    except Exception as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(("done", work(job)))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Slot:
    """One grading process, the pipe to it, and the job it holds."""

    def __init__(self, context: Any, setup: Callable[..., None] | None, setup_args: tuple,
                 work: Callable[[Any], Any]) -> None:
        self.conn, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(theirs, os.getpid(), setup, setup_args, work), daemon=True)
        self.process.start()
        theirs.close()
        self.ready = False
        self.job: tuple[str, Any] | None = None

    def busy(self) -> bool:
        return not self.ready or self.job is not None

    def give(self, job: tuple[str, Any]) -> None:
        self.job = job
        self.conn.send(job[1])

    def receive(self) -> tuple[str, Any] | None:
        """The slot's next message, or None when it died."""
        try:
            if self.conn.poll():
                return self.conn.recv()
        except (EOFError, OSError):
            pass
        self.process.join(timeout=STOP_SECONDS)
        return None

    def death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"killed by signal {signal.Signals(-code).name}"
        return f"exit code {code}"

    def stop(self) -> None:
        """Ask the slot to finish (so its own clean-up runs), and kill it if it does not."""
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=STOP_SECONDS if self.job is None else 0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run(jobs: Iterable[tuple[str, Any]], work: Callable[[Any], Any], *, slots: int,
        setup: Callable[..., None] | None = None, setup_args: tuple = (),
        retries: int = 1) -> Iterator[Outcome]:
    """Do `work(payload)` for every `(key, payload)` in up to `slots` processes.

    Outcomes come as jobs finish. `work` and `setup` must be importable functions (they
    are sent to spawned processes); `setup(*setup_args)` runs once per slot. A job whose
    slot dies is tried again `retries` times on a fresh slot, then reported as lost.
    Raises `SlotError` when a slot cannot start.
    """
    queue = deque(jobs)
    context = multiprocessing.get_context("spawn")
    tries: Counter[str] = Counter()

    def start() -> _Slot:
        return _Slot(context, setup, setup_args, work)

    pool = [start() for _ in range(min(max(slots, 1), len(queue)))]
    try:
        while queue or any(slot.job is not None for slot in pool):
            for index, slot in enumerate(pool):
                if slot.ready and slot.job is None and queue:
                    if not slot.process.is_alive():  # died between jobs: not a job's fault
                        slot.stop()
                        pool[index] = start()
                        continue
                    slot.give(queue.popleft())
            waiting = [slot for slot in pool if slot.busy()]
            handles = {slot.conn: slot for slot in waiting}
            handles.update({slot.process.sentinel: slot for slot in waiting})
            for slot in {handles[handle] for handle in wait(list(handles))}:
                message = slot.receive()
                if message is None and not slot.ready:
                    raise SlotError(f"a grading process died while starting ({slot.death()})")
                if message is None:
                    key, payload = slot.job
                    tries[key] += 1
                    if tries[key] > retries:
                        yield Outcome(key, lost=f"died {tries[key]} times on it (last: "
                                                f"{slot.death()})")
                    else:
                        queue.appendleft((key, payload))
                    slot.job = None
                    slot.stop()
                    pool[pool.index(slot)] = start()
                    continue
                kind, value = message
                if kind == "fatal":
                    raise SlotError(f"a grading process could not start: {value}")
                if kind == "ready":
                    slot.ready = True
                    continue
                key, _ = slot.job
                slot.job = None
                yield Outcome(key, value=value) if kind == "done" else Outcome(key, error=value)
    finally:
        for slot in pool:
            slot.stop()
