"""Private mount and network namespaces for the zygote, where bubblewrap cannot run but root can.

Why: a root grader without bubblewrap (a container, a minimal server) drops each worker to
an unprivileged uid, but that uid can still read every world-readable file: `solutions/`,
the checks, other students' submissions. Root can make a private mount namespace and hide
them itself, the same folders bubblewrap hides, and a network namespace with no interface
up. The zygote calls `enter` first thing, before importing torch, so everything it forks
inherits the view.

What `enter` does, in order: a new mount and network namespace (`unshare`); every mount
made private, so nothing leaks back to the host; an `O_PATH` descriptor kept for each
folder that must stay visible under a hidden one (Python, the package); tmpfs over each
hidden folder and over `/tmp`, `/var/tmp` and `/dev/shm` (where an unprivileged uid could
otherwise write, or read what others left); the kept folders bound back read-only from
their descriptors; and the package's checks hidden once more.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["Plan", "available", "enter"]

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV = 0x1, 0x2, 0x4
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 0x20, 0x1000, 0x4000, 0x40000
WRITABLE_BY_ALL = ("/tmp", "/var/tmp", "/dev/shm")


@dataclass(frozen=True)
class Plan:
    """What the worker must not see, what it must still see beneath that, and its tmp."""

    hide: tuple[str, ...]
    keep: tuple[str, ...]       # folders under hidden ones, bound back read-only
    hide_again: tuple[str, ...]  # folders inside kept ones, hidden once more (the checks)
    tmp_mb: int

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Plan:
        return cls(tuple(data["hide"]), tuple(data["keep"]), tuple(data["hide_again"]),
                   int(data["tmp_mb"]))


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                           ctypes.c_ulong, ctypes.c_char_p]
    return libc


def _mount(source: str | None, target: str, kind: str | None, flags: int,
           options: str | None = None) -> None:
    def encoded(text: str | None) -> bytes | None:
        return None if text is None else os.fsencode(text)

    if _libc().mount(encoded(source), encoded(target), encoded(kind), flags,
                     encoded(options)) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {kind or source} on {target}: {os.strerror(error)}")


def _unshare(flags: int) -> None:
    if _libc().unshare(flags) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"unshare: {os.strerror(error)}")


def available() -> tuple[bool, str]:
    """Whether this process could make the namespaces (tried in a throwaway child)."""
    if not sys.platform.startswith("linux"):
        return False, f"namespaces are Linux-only and this is {sys.platform}"
    if os.getuid() != 0:
        return False, "only root can make the namespaces without bubblewrap"
    if os.environ.get("AUTOGRADER_NO_NAMESPACES") == "1":  # the kit's tests: a container
        return False, "namespaces are turned off here (AUTOGRADER_NO_NAMESPACES=1)"
    probe = ("import ctypes, os, sys\n"
             "libc = ctypes.CDLL(None, use_errno=True)\n"
             f"sys.exit(0 if libc.unshare({CLONE_NEWNS | CLONE_NEWNET}) == 0 else 1)")
    try:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"the namespace probe could not run: {exc}"
    if done.returncode != 0:
        return False, "this machine does not let root make mount and network namespaces"
    return True, "private mount and network namespaces"


def _open_dirs(paths: tuple[str, ...]) -> dict[str, int]:
    return {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in paths
            if os.path.isdir(path)}


def _make_path(path: str) -> None:
    """Create `path` (inside a fresh tmpfs) with folders the worker's uid can pass."""
    missing = []
    current = Path(path)
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir()
        folder.chmod(0o755)


def enter(plan: Plan) -> None:
    """Put this process into its own view of the filesystem and an empty network."""
    _unshare(CLONE_NEWNS | CLONE_NEWNET)
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    kept = _open_dirs(plan.keep)
    hidden = [(path, "size=16m,mode=0755") for path in plan.hide]
    # /tmp as bubblewrap makes it: root's own, the worker writing only in its scratch inside
    hidden += [(path, f"size={plan.tmp_mb if path == '/tmp' else 64}m,"
                      f"mode={'1777' if path == '/dev/shm' else '0755'}")
               for path in WRITABLE_BY_ALL]
    try:
        for path, options in sorted(hidden, key=lambda h: len(Path(h[0]).parts)):
            if os.path.isdir(path):  # not already hidden under an earlier tmpfs
                _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, options)
        for path in sorted(kept, key=lambda p: len(Path(p).parts)):
            _make_path(path)
            _mount(f"/proc/self/fd/{kept[path]}", path, None, MS_BIND | MS_REC)
            _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY)
    finally:
        for fd in kept.values():
            os.close(fd)
    for path in plan.hide_again:
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY,
                   "size=1m,mode=0755")
