"""The warm process that forks one worker per submission, with torch already imported.

Why: importing torch costs about 1.5 s of CPU, more than grading a submission's checks.
The zygote pays it once per grading slot; each worker is a `fork` of it, ready in
milliseconds. Started only by `autograder.launch` (inside bubblewrap when it can be, else
in namespaces of its own when it is root and is given a plan of what to hide), it never
runs student code itself, and serves one worker at a time: between two workers it
kills every process the last one left behind and empties the scratch directory, so
nothing of one submission reaches the next.

Each worker, before running any student code, starts a new session, drops root to the
slot's own unprivileged uid (when the zygote runs as root), takes the kernel resource
limits and a clean scratch directory, and sends its output to the grader's pipe.

Control protocol, on a Unix socket: one JSON line per request, one per reply.
    {"op": "spawn", "limits": {...}} + three descriptors (requests in, replies out, output)
        -> {"ok": true, "pid": <pid as the zygote sees it>}
    {"op": "reset"} -> {"ok": true, "killed": <number of processes killed>}
    {"op": "freeze", "frozen": bool} -> {"ok": true, "signalled": <number of processes>}:
        SIGSTOP (or SIGCONT) to every process the worker started, itself included, so that
        nothing of the student's runs while the grader times the reference
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import select
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the sweep below still kills the session
        pass


def _essentials() -> None:
    """What a worker cannot serve without: torch and the kit's interpreter."""
    import torch

    import autograder
    import autograder.ops
    import autograder.worker  # noqa: F401

    torch.set_num_threads(1)


def _matplotlib() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot


def _notebook_tools() -> None:
    import numpy  # noqa: F401
    import torch
    import tqdm.auto  # noqa: F401
    from IPython.core.inputtransformer2 import TransformerManager  # noqa: F401

    # the first gradient of a non-scalar output imports sympy: half a second, once
    x = torch.zeros(2, requires_grad=True)
    torch.autograd.grad(x * 2, x, torch.ones(2))


def _optimizers() -> None:
    import torch

    torch.optim.SGD([torch.zeros(1, requires_grad=True)])  # the first optimizer imports dynamo


# What submissions usually import, warmed while no request waits: a zygote is ready as soon
# as the essentials are in, so a single `check` does not wait for the rest, while a class
# run's later workers (forked after the zygote has had idle time) find all of it warm.
# `AUTOGRADER_WARM_UPS=light` (one `check` from the command line) puts off torch's
# compiler, which the first optimizer imports: more than a second the first spawn would
# wait for. It is warmed once that spawn is served, so that a process that goes on to grade
# more (the kit's tests call the command in-process) does not pay it in every worker.
WARM_UPS = (_notebook_tools, _matplotlib, _optimizers)
LIGHT_WARM_UPS = (_notebook_tools, _matplotlib)


def _request_waiting(control: socket.socket) -> bool:
    readable, _, _ = select.select([control], [], [], 0)
    return bool(readable)


def _descendants(root: int) -> list[int]:
    """Every process below `root`, orphans included (the zygote is their subreaper)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: list[int] = []
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def sweep(scratch: Path) -> int:
    """Kill everything the last worker left behind and empty the scratch directory.

    Repeated until nothing is left: a fork bomb may fork between the listing and the kill.
    """
    killed = 0
    for _ in range(100):
        victims = _descendants(os.getpid())
        if not victims:
            break
        for pid in victims:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except (ProcessLookupError, PermissionError):
                pass
        _reap()
    _reap()
    shutil.rmtree(scratch, ignore_errors=True)
    return killed


def freeze(frozen: bool) -> int:
    """Stop (or continue) every process below the zygote: the worker and all it started."""
    signalled = 0
    for pid in _descendants(os.getpid()):
        try:
            os.kill(pid, signal.SIGSTOP if frozen else signal.SIGCONT)
            signalled += 1
        except (ProcessLookupError, PermissionError):
            pass
    return signalled


def _mapped_bytes() -> int:
    """Address space already mapped: torch alone maps gigabytes it never touches.

    The limit on address space is this plus the assignment's `memory_mb`, so the student
    gets all of their budget whatever the libraries reserved.
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # no /proc: the limit is the budget alone
        return 0
    for line in status.splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _limit(limits: dict, own_uid: bool) -> None:
    """Kernel limits; the process count only under the slot's own uid, where it counts
    just this worker's processes (for a plain user it would count all of theirs)."""
    mb = 1024 * 1024
    for kind, value in (
        (resource.RLIMIT_AS, _mapped_bytes() + limits["memory_mb"] * mb),
        (resource.RLIMIT_CPU, limits["cpu_seconds"]),
        (resource.RLIMIT_FSIZE, limits["file_mb"] * mb),
        (resource.RLIMIT_NOFILE, limits["open_files"]),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(kind, (value, value))
    if own_uid and limits.get("processes"):
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["processes"],) * 2)


def _become_worker(limits: dict, uid: int | None, scratch: Path, fds: list[int]) -> None:
    """In the forked child: confine, then serve the grader. Never returns."""
    requests_fd, replies_fd, output_fd = fds
    try:
        os.setsid()
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        scratch.mkdir(parents=True, exist_ok=True)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd in (output_fd, null):
            os.close(fd)
        for stream in (sys.stdout, sys.stderr):
            stream.reconfigure(line_buffering=True)  # a crash still leaves its last words
        if uid is not None:
            os.chown(scratch, uid, uid)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
        os.chdir(scratch)
        os.environ.update(HOME=str(scratch), TMPDIR=str(scratch))
        tempfile.tempdir = str(scratch)  # the zygote's imports already asked for it
        _limit(limits, own_uid=uid is not None)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        from autograder.worker import serve

        serve(requests_fd, replies_fd)
    finally:
        os._exit(0)


def _receive(control: socket.socket) -> tuple[dict, list[int]] | None:
    line = b""
    fds: list[int] = []
    while not line.endswith(b"\n"):
        data, more, _, _ = socket.recv_fds(control, 65536, 3)
        if not data:
            return None
        line += data
        fds += more
    return json.loads(line), fds


def main(control_fd: int, scratch: str, uid: str, plan: str | None = None) -> None:
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    _prctl(PR_SET_DUMPABLE, 0)
    if plan is not None:  # root without bubblewrap: our own namespaces, before any import
        from autograder.isolation import Plan, enter

        enter(Plan.from_json(json.loads(plan)))
    _essentials()
    control = socket.socket(fileno=control_fd)
    workers = Path(scratch)
    slot_uid = int(uid) if uid != "-" else None
    control.sendall(b'{"ok": true, "ready": true}\n')
    light = os.environ.get("AUTOGRADER_WARM_UPS") == "light"
    warm_ups = list(LIGHT_WARM_UPS if light else WARM_UPS)
    put_off = [w for w in WARM_UPS if w not in warm_ups]
    while True:
        while warm_ups and not _request_waiting(control):
            warm_ups.pop(0)()
        message = _receive(control)
        if message is None:
            sweep(workers)
            return
        request, fds = message
        if request["op"] == "spawn":
            sweep(workers)
            pid = os.fork()
            if pid == 0:
                control.close()
                _become_worker(request["limits"], slot_uid, workers, fds)
            for fd in fds:
                os.close(fd)
            warm_ups, put_off = warm_ups + put_off, []
            reply = {"ok": True, "pid": pid}
        elif request["op"] == "reset":
            reply = {"ok": True, "killed": sweep(workers)}
        elif request["op"] == "freeze":
            reply = {"ok": True, "signalled": freeze(bool(request.get("frozen")))}
        else:
            reply = {"ok": False, "error": f"unknown op {request['op']!r}"}
        control.sendall(json.dumps(reply).encode() + b"\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3], *sys.argv[4:5])
