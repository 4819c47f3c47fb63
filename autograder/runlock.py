"""One `autograder grade` run per course at a time.

Why: two runs on one course would grade the same submissions twice and fight over
nbgrader's gradebook (SQLite allows one writer), reporting it as behind. The lock is an
`flock` on `<course>/.autograder-grading.lock`, so the kernel releases it when its process
ends, however it ends: a run killed with SIGKILL leaves a file that the next run simply
locks again (and says whose it was). The file holds who holds it, for the message.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

__all__ = ["Busy", "exclusive", "lock_path"]

POLL_SECONDS = 2.0


class Busy(Exception):
    """Another run holds the course; the message says which, since when, and what to do."""


def lock_path(course: Path) -> Path:
    return Path(course) / ".autograder-grading.lock"


def _holder(path: Path) -> dict:
    try:
        data = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _describe(holder: dict) -> str:
    if not holder:
        return "another process"
    since = datetime.fromtimestamp(float(holder.get("since", 0)))
    minutes = (time.time() - float(holder.get("since", 0))) / 60
    return (f"process {holder.get('pid')} on {holder.get('host')} "
            f"(`{holder.get('command', 'autograder grade')}`), since "
            f"{since:%Y-%m-%d %H:%M:%S} ({minutes:.0f} min ago)")


@contextlib.contextmanager
def exclusive(course: Path, *, wait: bool = False) -> Iterator[str | None]:
    """Hold the course's lock for the run; yields a note when a stopped run's lock was
    taken over. Raises `Busy` when another live run holds it, unless `wait`."""
    path = lock_path(course)
    with open(path, "a+") as handle:
        said = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                who = _describe(_holder(path))
                if not wait:
                    raise Busy(f"another `autograder grade` run is grading this course: "
                               f"{who}. Wait for it to finish (or stop it), or pass --wait "
                               "to start when it is done") from None
                if not said:
                    print(f"waiting for the run that holds {path}: {who}", file=sys.stderr,
                          flush=True)
                    said = True
                time.sleep(POLL_SECONDS)
        stale = _holder(path)
        note = (f"took over the lock of a run that stopped without releasing it: "
                f"{_describe(stale)}") if stale else None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "since": time.time(), "command": " ".join(sys.argv[:4])}))
        handle.flush()
        try:
            yield note
        finally:
            handle.seek(0)
            handle.truncate()  # an empty file: released by a run that ended well
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
