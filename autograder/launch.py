"""Starting and stopping a worker process: the one place that decides how it is confined.

Why one place: the sandbox will tighten (bubblewrap, see the sandbox issue) without the
rest of the grader changing. Today the worker is a plain subprocess in its own session
and process group, in a private scratch directory, with a clean environment, no stdin,
its output sent to a capped log file, and kernel resource limits on address space, CPU
time, file size, open files and core dumps. `stop` kills the whole process group.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Limits", "WorkerProcess", "start"]



@dataclass(frozen=True)
class Limits:
    """Resource limits for one worker, from the assignment's `[budget]`."""

    memory_mb: int = 4096
    cpu_seconds: int = 600
    file_mb: int = 64
    open_files: int = 256


@dataclass
class WorkerProcess:
    """A running worker: the process, its two pipe ends, and its scratch directory."""

    process: subprocess.Popen
    requests: object  # binary file we write requests to
    replies: object   # binary file we read replies from (unbuffered)
    scratch: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, limit: int = 2000) -> str:
        """The end of what the student's code printed, for messages about a crash."""
        try:
            text = (self.scratch / "output.log").read_bytes()[-limit:]
        except OSError:
            return ""
        return text.decode("utf-8", "replace")

    def stop(self) -> None:
        """Kill the whole process group and remove the scratch directory."""
        for stream in (self.requests, self.replies):
            try:
                stream.close()
            except OSError:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        shutil.rmtree(self.scratch, ignore_errors=True)


def _confine(limits: Limits) -> None:
    """Runs in the child before exec: kernel limits that hold whatever the code does."""
    mb = 1024 * 1024
    for kind, value in (
        (resource.RLIMIT_AS, limits.memory_mb * mb),
        (resource.RLIMIT_CPU, limits.cpu_seconds),
        (resource.RLIMIT_FSIZE, limits.file_mb * mb),
        (resource.RLIMIT_NOFILE, limits.open_files),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(kind, (value, value))


def _environment(scratch: Path) -> dict[str, str]:
    """A clean environment: no instructor variables leak into student code."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(HOME=str(scratch), TMPDIR=str(scratch), PYTHONDONTWRITEBYTECODE="1",
               PYTHONHASHSEED="0", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
               CUDA_VISIBLE_DEVICES=os.environ.get("CUDA_VISIBLE_DEVICES", ""),
               MPLBACKEND="Agg", AUTOGRADER_WORKER="1",
               PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    return env


def start(limits: Limits) -> WorkerProcess:
    scratch = Path(tempfile.mkdtemp(prefix="autograder-worker-"))
    to_worker_r, to_worker_w = os.pipe()
    from_worker_r, from_worker_w = os.pipe()
    log = open(scratch / "output.log", "wb")
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "autograder.worker", str(to_worker_r), str(from_worker_w)],
            pass_fds=(to_worker_r, from_worker_w), cwd=scratch, env=_environment(scratch),
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=lambda: _confine(limits))
    finally:
        log.close()
        os.close(to_worker_r)
        os.close(from_worker_w)
    return WorkerProcess(process, os.fdopen(to_worker_w, "wb"),
                         os.fdopen(from_worker_r, "rb", buffering=0), scratch)
