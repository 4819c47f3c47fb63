"""Starting and stopping workers: the one place that decides how student code is confined.

Why one place: every way of grading (the CLI, a class run, the kit's tests) starts its
workers here, so the sandbox cannot be forgotten by one of them.

Each grading process keeps one warm zygote (`autograder.zygote`), confined as well as this
machine allows, one of three levels (`confinement()`):
- `bubblewrap`: no network, the filesystem read-only, the kit's folder, the course's
  folder and the home directories hidden except the package and the Python that the worker
  needs, a private `/tmp` of bounded size, its own process namespace.
- `namespaces`, where bubblewrap cannot run but the grader is root: the zygote makes its
  own mount and network namespaces (`autograder.isolation`) and hides the same folders.
- `none`: a plain process. The kit says once, loudly, what is then not protected; as root
  it refuses to grade hidden checks this way unless told `--sandbox=off`, since the dropped
  uid could read the solutions and other students' work.
Workers are forked from the zygote, one at a time, each dropped to an unprivileged uid
(when root) with kernel limits on memory, CPU time, processes, file size and open files.
`use_sandbox("required")` refuses to grade without bubblewrap.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path

from autograder import isolation
from autograder.manifest import kit_root

__all__ = ["INSTALL", "Limits", "SandboxError", "WorkerProcess", "confinement",
           "namespace_status", "prestart", "refuse_unconfined_root", "sandbox_status",
           "sandboxed", "shutdown", "start", "use_sandbox"]

MODES = ("auto", "required", "off")
SANDBOX_SCRATCH = "/tmp/work"
SANDBOX_TMP_MB = 1024
OUTPUT_KEPT = 64 * 1024
ZYGOTE_START_SECONDS = 120.0
ZYGOTE_REPLY_SECONDS = 30.0
INSTALL = ("install bubblewrap: `apt-get install bubblewrap` (Debian/Ubuntu) or "
           "`dnf install bubblewrap` (Fedora)")


class SandboxError(Exception):
    """The sandbox was required and cannot be used here; says why and what to do."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one worker, from the assignment's `[budget]`."""

    memory_mb: int = 4096
    cpu_seconds: int = 600
    file_mb: int = 64
    open_files: int = 256
    processes: int = 64


# -- the policy ------------------------------------------------------------------------------
@dataclass
class _Policy:
    mode: str = "auto"
    hidden: tuple[Path, ...] = ()
    warned: bool = False
    bubblewrap: bool = True  # False: the fallbacks only, as on a machine without it


_policy = _Policy()
_probes: dict[str, tuple[bool, str]] = {}


def _bwrap() -> str:
    """The bubblewrap binary; `$AUTOGRADER_BWRAP` lets the kit's tests try a broken one."""
    return os.environ.get("AUTOGRADER_BWRAP", "bwrap")


def sandbox_status() -> tuple[bool, str]:
    """Whether bubblewrap works here, and if not, why (found once, then remembered)."""
    if "bwrap" not in _probes:
        _probes["bwrap"] = _probe_bwrap()
    return _probes["bwrap"]


def namespace_status() -> tuple[bool, str]:
    """Whether the root fallback (`autograder.isolation`) works here (found once)."""
    if "namespaces" not in _probes:
        _probes["namespaces"] = isolation.available()
    return _probes["namespaces"]


def confinement() -> str:
    """What the next zygote gets under the current policy: bubblewrap, namespaces or none."""
    if _policy.mode == "off":
        return "none"
    if _policy.bubblewrap and sandbox_status()[0]:
        return "bubblewrap"
    return "namespaces" if namespace_status()[0] else "none"


def _probe_bwrap() -> tuple[bool, str]:
    if not sys.platform.startswith("linux"):
        return False, f"bubblewrap is Linux-only and this is {sys.platform}"
    if shutil.which(_bwrap()) is None:
        return False, "bubblewrap (bwrap) is not installed"
    try:
        done = subprocess.run([_bwrap(), "--ro-bind", "/", "/", "--dev", "/dev", "--proc",
                               "/proc", "--unshare-net", "--unshare-pid", "true"],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bwrap could not run: {exc}"
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no reason"]
        return False, f"bwrap is installed but cannot make a sandbox here ({why[0]})"
    return True, "bubblewrap"


def use_sandbox(mode: str = "auto", hide: tuple[Path, ...] | list[Path] = (), *,
                warn: bool = True, bubblewrap: bool = True) -> None:
    """Choose the sandbox for this process's workers, and folders they must not see.

    "auto" uses bubblewrap when it works, else the root fallback, and warns once when it
    falls back; "required" raises `SandboxError` here, before anything is graded, without
    bubblewrap; "off" runs plain confined processes without a word (for debugging the kit,
    or grading knowingly unprotected). `warn=False` is for processes of a run whose parent
    has already warned (`sandboxed()`); `bubblewrap=False` (the kit's tests) uses only the
    fallbacks, as a machine without bubblewrap would.
    """
    if mode not in MODES:
        raise SandboxError(f"unknown sandbox mode {mode!r}; use one of {', '.join(MODES)}")
    if mode == "required":
        works, why = sandbox_status()
        if not works:
            raise SandboxError(
                f"the sandbox is required but {why}. To {INSTALL}; where it is installed "
                "but fails, allow unprivileged user namespaces or run as root; or grade "
                "with --sandbox=auto to accept the fallback")
    hidden = tuple(sorted({Path(p).resolve() for p in hide}))
    _policy.mode, _policy.hidden, _policy.bubblewrap = mode, hidden, bubblewrap
    _policy.warned = _policy.warned or not warn


def _unprotected() -> str:
    return ("student code runs WITHOUT the sandbox: in a plain subprocess with limits on "
            "memory, CPU time, file size and open files, but able to read what this user "
            "can read (solutions/, the checks, other students' submissions), to write where "
            "this user can write, and to use the network")


def sandboxed() -> str:
    """The confinement workers will get; the first time it is not bubblewrap, say so."""
    level = confinement()
    if level != "bubblewrap" and _policy.mode != "off" and not _policy.warned:
        _policy.warned = True
        why = sandbox_status()[1] if _policy.bubblewrap else "bubblewrap is not used here"
        if level == "namespaces":
            print(f"autograder: note: {why}; student code runs in private mount and network "
                  "namespaces made by root instead (solutions/, the checks, the course and "
                  "home folders hidden, no network). To use the full sandbox, "
                  f"{INSTALL}.", file=sys.stderr)
        else:
            print(f"autograder: WARNING: {why}, so {_unprotected()}. To close this, "
                  f"{INSTALL}; or pass --sandbox=required to refuse grading without it.",
                  file=sys.stderr)
    return level


def refuse_unconfined_root() -> None:
    """As root with no confinement at all, hidden checks are not graded unless `off`.

    The worker's dropped uid can read every world-readable file, the reference solutions
    among them: grading hidden checks so would reward a student who reads them.
    """
    if _policy.mode == "off" or not hasattr(os, "getuid") or os.getuid() != 0:
        return
    if confinement() == "none":
        raise SandboxError(
            f"refusing to grade hidden checks as root without a sandbox: "
            f"{sandbox_status()[1]}, and {namespace_status()[1]}, so the worker could read "
            "solutions/, the checks and other students' submissions. To "
            f"{INSTALL}; or pass --sandbox=off to grade anyway, exposing them")


# -- the zygote ------------------------------------------------------------------------------
def _environment() -> dict[str, str]:
    """A clean environment: no instructor variables leak into student code."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", MPLBACKEND="Agg", AUTOGRADER_WORKER="1",
               CUDA_VISIBLE_DEVICES=os.environ.get("CUDA_VISIBLE_DEVICES", ""),
               PYTHONPATH=str(Path(__file__).resolve().parents[1]),
               HOME="/nonexistent", TMPDIR="/tmp")
    return env


def _python_paths() -> set[Path]:
    """What the worker's Python must still see when its surroundings are hidden."""
    paths = {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    paths |= {Path(p) for p in sys.path if p and Path(p).is_dir()}
    paths.add(Path(sys.executable).resolve().parent)
    paths.add(Path(__file__).resolve().parent)
    return {p.resolve() for p in paths}


def _plan() -> isolation.Plan:
    """What workers must not see, and the folders beneath it they still need.

    Bound back are the Python folders under a hidden one, but never a folder that holds a
    hidden one (the kit's root is on sys.path when pytest runs from it): that would show it
    all again.
    """
    hide = {kit_root().resolve(), *_policy.hidden, Path.home().resolve()}
    hide |= {p for p in (Path("/root"), Path("/home")) if p.is_dir()}
    hide = {p for p in hide if p.is_dir() and p not in (Path("/"), Path("/tmp"))}
    covered = {*hide, Path("/tmp")}
    keep = sorted(p for p in _python_paths()
                  if any(h in p.parents for h in covered) and p.exists()
                  and not any(p == h or p in h.parents for h in hide))
    package = Path(__file__).resolve().parent
    return isolation.Plan(tuple(str(p) for p in sorted(hide, key=lambda p: len(p.parts))),
                          tuple(str(p) for p in keep), (str(package / "checks"),),
                          SANDBOX_TMP_MB)


def _bwrap_command(python: list[str], uid: str, plan: isolation.Plan) -> list[str]:
    keep = [Path(p) for p in plan.keep]
    covered = {*(Path(h) for h in plan.hide), Path("/tmp")}
    command = [_bwrap(), "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
               "--size", str(plan.tmp_mb * 1024 * 1024), "--tmpfs", "/tmp",
               "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
               "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    for device in sorted(Path("/dev").glob("nvidia*")):  # a GPU, for the timing checks
        command += ["--dev-bind", str(device), str(device)]
    for path in plan.hide:
        command += ["--tmpfs", path]
    # bwrap makes the folders leading to a bind 0700; the worker's uid must pass them
    leading = {a for p in keep for a in p.parents if any(h in a.parents for h in covered)}
    for path in sorted(leading, key=lambda p: len(p.parts)):
        command += ["--perms", "0755", "--dir", str(path)]
    for path in plan.keep:
        command += ["--ro-bind", path, path]
    for path in plan.hide_again:
        command += ["--tmpfs", path]
    return [*command, "--chdir", "/tmp", *python, SANDBOX_SCRATCH, uid]


def _slot_uid() -> str:
    """An unprivileged uid of this grading process's own, when we are root to drop from."""
    if not hasattr(os, "getuid") or os.getuid() != 0:
        return "-"
    return str(60000 + os.getpid() % 5000)


class _Zygote:
    """The warm process and the socket we talk to it on.

    Starting it does not wait for it: it says it is ready on its socket, read before the
    first request, so whatever the grader does meanwhile (its own imports) overlaps with
    the zygote's.
    """

    def __init__(self, *, light: bool = False) -> None:
        self.level = sandboxed()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.control = ours
        self.host_dir = Path(tempfile.mkdtemp(prefix="autograder-zygote-"))
        os.chmod(self.host_dir, 0o711)  # a worker with the slot's uid must reach its scratch
        uid = _slot_uid()
        python = [sys.executable, "-m", "autograder.zygote", str(theirs.fileno())]
        if self.level == "bubblewrap":
            command = _bwrap_command(python, uid, _plan())
        elif self.level == "namespaces":
            command = [*python, SANDBOX_SCRATCH, uid, json.dumps(_plan().to_json())]
        else:
            command = [*python, str(self.host_dir / "work"), uid]
        self.log = self.host_dir / "zygote.log"
        try:
            with open(self.log, "wb") as log:
                self.process = subprocess.Popen(
                    command, pass_fds=(theirs.fileno(),),
                    env={**_environment(), **({"AUTOGRADER_WARM_UPS": "light"} if light
                                              else {})},
                    cwd=self.host_dir, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                    start_new_session=True)
        finally:
            theirs.close()
        self.reader = self.control.makefile("rb")
        self.ready = False

    def _await_ready(self) -> None:
        global _waited_for_zygotes
        if self.ready:
            return
        started = time.perf_counter()
        try:
            self._reply(ZYGOTE_START_SECONDS)
        except (OSError, ValueError) as exc:
            self.close()
            raise OSError(f"the grading sandbox did not start: {exc}") from None
        finally:
            _waited_for_zygotes += time.perf_counter() - started
        self.ready = True

    @property
    def sandboxed(self) -> bool:
        return self.level != "none"

    def _reply(self, timeout: float) -> dict:
        self.control.settimeout(timeout)
        line = self.reader.readline()
        if not line:
            try:
                said = self.log.read_bytes()[-500:].decode(errors="replace").strip()
            except OSError:
                said = ""
            raise OSError(f"the zygote exited: {said or 'it said nothing'}")
        reply = json.loads(line)
        if not reply.get("ok"):
            raise OSError(reply.get("error", "the zygote refused"))
        return reply

    def ask(self, request: dict, fds: tuple[int, ...] = ()) -> dict:
        self._await_ready()
        data = json.dumps(request).encode() + b"\n"
        if fds:
            socket.send_fds(self.control, [data], list(fds))
        else:
            self.control.sendall(data)
        return self._reply(ZYGOTE_REPLY_SECONDS)

    def close(self) -> None:
        _close_all(self.reader, self.control)
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        shutil.rmtree(self.host_dir, ignore_errors=True)


# warm zygotes by policy (confinement, hidden folders): switching back and forth between
# two policies (the kit's tests do) finds both warm; the least recently used goes beyond two
_zygotes: dict[tuple, _Zygote] = {}
KEPT_ZYGOTES = 2
_waited_for_zygotes = 0.0


def zygote_wait_seconds() -> float:
    """How long this process has waited, in all, for zygotes to start. The kit's tests count
    it as warm-up, apart from the time of whichever test came first to a cold zygote."""
    return _waited_for_zygotes


def _close_all(*streams: object) -> None:
    for stream in streams:
        try:
            stream.close()
        except OSError:
            pass


def _warm_zygote(*, light: bool = False) -> _Zygote:
    key = (confinement(), _policy.hidden)
    zygote = _zygotes.pop(key, None)
    if zygote is not None and zygote.process.poll() is not None:
        zygote.close()
        zygote = None
    _zygotes[key] = zygote or _Zygote(light=light)  # last in the dict: the most recently used
    while len(_zygotes) > KEPT_ZYGOTES:
        _zygotes.pop(next(iter(_zygotes))).close()
    return _zygotes[key]


def _discard(zygote: _Zygote) -> None:
    """Close a zygote that stopped answering; the next worker gets a fresh one."""
    for key, kept in list(_zygotes.items()):
        if kept is zygote:
            del _zygotes[key]
    zygote.close()


def zygote_is_cold() -> bool:
    """Would the next worker under the current policy wait for its zygote to start (none
    kept, one that has not said it is ready yet, or one that exited)?"""
    zygote = _zygotes.get((confinement(), _policy.hidden))
    return zygote is None or not zygote.ready or zygote.process.poll() is not None


def prestart(*, one_submission: bool = False) -> None:
    """Start this process's zygote now, without waiting for it (the CLI, before its own
    imports): the first worker then finds it warm, or nearly. For `one_submission` it warms
    only what a notebook's setup cell imports anyway, so it is ready sooner."""
    _warm_zygote(light=one_submission)


def shutdown() -> None:
    """Stop this process's zygotes and everything they started."""
    while _zygotes:
        _zygotes.popitem()[1].close()


atexit.register(shutdown)


# -- workers ---------------------------------------------------------------------------------
class _Output:
    """Drains a worker's stdout and stderr, keeping the end: a flood costs nothing else."""

    def __init__(self, fd: int) -> None:
        self.kept: deque[bytes] = deque()
        self.size = 0
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._drain, args=(fd,), daemon=True)
        self.thread.start()

    def _drain(self, fd: int) -> None:
        with os.fdopen(fd, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                with self.lock:
                    self.kept.append(chunk)
                    self.size += len(chunk)
                    while self.size - len(self.kept[0]) >= OUTPUT_KEPT:
                        self.size -= len(self.kept.popleft())

    def tail(self, limit: int) -> str:
        with self.lock:
            text = b"".join(self.kept)[-limit:]
        return text.decode("utf-8", "replace")


@dataclass
class WorkerProcess:
    """A running worker: its two pipe ends, its output, and the zygote that forked it."""

    requests: object  # binary file we write requests to
    replies: object   # binary file we read replies from (unbuffered)
    output: _Output
    zygote: _Zygote
    pid: int
    sandboxed: bool

    def log_tail(self, limit: int = 2000) -> str:
        """The end of what the student's code printed, for messages about a crash."""
        return self.output.tail(limit)

    def freeze(self, frozen: bool) -> None:
        """Stop every process of this worker (threads and children included), or let them
        go on; the grader's timing of the reference must not share the machine with them."""
        self.zygote.ask({"op": "freeze", "frozen": frozen})

    def stop(self) -> None:
        """Kill the worker and all it started; a zygote that does not answer is replaced."""
        _close_all(self.requests, self.replies)
        try:
            self.zygote.ask({"op": "reset"})
        except (OSError, ValueError):
            _discard(self.zygote)


def start(limits: Limits) -> WorkerProcess:
    """A fresh worker for one submission, forked from this process's warm zygote."""
    zygote = _warm_zygote()
    to_worker_r, to_worker_w = os.pipe()
    from_worker_r, from_worker_w = os.pipe()
    output_r, output_w = os.pipe()
    theirs = (to_worker_r, from_worker_w, output_w)
    try:
        try:
            reply = zygote.ask({"op": "spawn", "limits": asdict(limits)}, theirs)
        except (OSError, ValueError):
            _discard(zygote)  # a zygote that died (or was killed) is replaced, once
            zygote = _warm_zygote()
            reply = zygote.ask({"op": "spawn", "limits": asdict(limits)}, theirs)
    except BaseException:
        for fd in (to_worker_w, from_worker_r, output_r):
            os.close(fd)
        raise
    finally:
        for fd in theirs:
            os.close(fd)
    return WorkerProcess(os.fdopen(to_worker_w, "wb"),
                         os.fdopen(from_worker_r, "rb", buffering=0), _Output(output_r),
                         zygote, reply["pid"], zygote.sandboxed)
