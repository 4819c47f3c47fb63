"""The worker's confinement, tested at the level of `launch`: what student code can reach.

Each property is tested under each level it must hold at: bubblewrap, the namespaces a root
grader makes without it, and, where it must hold there too, the plain-subprocess fallback.
A level that cannot run here is skipped with the install command (`needs_confinement`);
CI sets AUTOGRADER_REQUIRE_SANDBOX=1 so that such a machine fails instead.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from autograder import launch
from autograder.manifest import kit_root
from autograder.protocol import read_frame, write_frame
from tests.conftest import needs_confinement


def test_sandbox_is_present_where_required() -> None:
    """Does bubblewrap work (required in CI, skipped with the install command elsewhere)?"""
    needs_confinement("bubblewrap")
    assert launch.sandbox_status()[0]


class Worker:
    """A launched worker and the few requests these tests need."""

    def __init__(self, limits: launch.Limits) -> None:
        self.process = launch.start(limits)
        assert read_frame(self.process.replies, timeout=120)["value"] == "ready"

    def run(self, source: str, timeout: float = 60) -> dict:
        write_frame(self.process.requests, {"op": "run_cell", "source": source, "label": "t"})
        return read_frame(self.process.replies, timeout=timeout)

    def value(self, name: str) -> object:
        write_frame(self.process.requests, {"op": "getattr", "target": {"name": name},
                                            "seed": 0})
        reply = read_frame(self.process.replies, timeout=60)
        assert reply["ok"], reply
        return reply["value"]


@pytest.fixture(params=["bubblewrap", "namespaces", "plain"])
def mode(request: pytest.FixtureRequest) -> Iterator[str]:
    """Workers at one level of confinement; the levels this machine lacks are skipped."""
    if request.param != "plain":
        needs_confinement(request.param)
    launch.use_sandbox("off" if request.param == "plain" else "auto",
                       bubblewrap=request.param == "bubblewrap", warn=False)
    assert launch.confinement() == ("none" if request.param == "plain" else request.param)
    yield request.param
    launch.use_sandbox("auto")


@pytest.fixture
def confined(mode: str) -> str:
    if mode == "plain":
        pytest.skip("the plain fallback does not hide files or the network: it says so, "
                    "and as root it refuses to grade hidden checks")
    return mode


def worker(limits: launch.Limits | None = None) -> Worker:
    return Worker(limits or launch.Limits())


def test_solutions_checks_and_home_are_invisible(confined: str) -> None:
    root = kit_root()
    secret = Path.home() / f".autograder-test-secret-{os.getpid()}"
    secret.write_text("the instructor's")
    try:
        probe = worker()
        probe.run(f"import os\n"
                  f"solution = os.path.exists({str(root / 'solutions')!r})\n"
                  f"checks = os.listdir({str(root / 'autograder' / 'checks')!r})\n"
                  f"secret = os.path.exists({str(secret)!r})\n"
                  f"kit = sorted(os.listdir({str(root)!r}))")
        assert probe.value("solution") is False
        assert probe.value("checks") == []
        assert probe.value("secret") is False
        assert "solutions" not in probe.value("kit")
        assert "autograder" in probe.value("kit")
        probe.process.stop()
    finally:
        secret.unlink()


def test_no_network_and_no_writes_outside_scratch(confined: str) -> None:
    probe = worker()
    probe.run("import os, socket\n"
              "def attempt(action):\n"
              "    try:\n"
              "        action()\n"
              "        return 'done'\n"
              "    except OSError as exc:\n"
              "        return type(exc).__name__\n"
              "net = attempt(lambda: socket.create_connection(('1.1.1.1', 53), timeout=3))\n"
              f"kit = attempt(lambda: open({str(kit_root() / 'planted.txt')!r}, 'w'))\n"
              "tmp = attempt(lambda: open('/tmp/planted.txt', 'w'))\n"
              "here = attempt(lambda: open('mine.txt', 'w').write('ok'))")
    assert probe.value("net") != "done"
    assert probe.value("kit") != "done"
    assert probe.value("tmp") != "done"
    assert probe.value("here") == "done"
    assert not (kit_root() / "planted.txt").exists()
    probe.process.stop()


def test_runs_without_root(mode: str) -> None:
    if os.getuid() != 0:
        pytest.skip("only a root grader has a uid to drop")
    probe = worker()
    probe.run("import os\nuid = os.getuid()")
    assert probe.value("uid") != 0
    probe.process.stop()


def test_scratch_is_emptied_between_workers(mode: str) -> None:
    first = worker()
    first.run("open('left.txt', 'w').write('for the next student')")
    first.process.stop()
    second = worker()
    second.run("import os\nfound = os.listdir('.')")
    assert "left.txt" not in second.value("found")
    second.process.stop()


def _processes_of(uid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        line = next((x for x in status.splitlines() if x.startswith("Uid:")), "")
        if line and int(line.split()[1]) == uid:
            found.append(int(entry.name))
    return found


def test_fork_bomb_is_bounded_and_swept(mode: str) -> None:
    if os.getuid() != 0:
        pytest.skip("RLIMIT_NPROC counts the grader's own processes when not root")
    bomb = worker(launch.Limits(processes=32))
    reply = bomb.run("import os, time\n"
                     "uid = os.getuid()\n"
                     "forked = 0\n"
                     "try:\n"
                     "    for _ in range(1000):\n"
                     "        if os.fork() == 0:\n"
                     "            os.setsid()\n"
                     "            time.sleep(600)\n"
                     "            os._exit(0)\n"
                     "        forked += 1\n"
                     "except OSError:\n"
                     "    pass")
    assert reply["ok"], reply
    assert bomb.value("forked") < 32
    uid = bomb.value("uid")
    assert len(_processes_of(uid)) > 1
    bomb.process.stop()
    deadline = time.monotonic() + 10
    while _processes_of(uid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_of(uid) == [], "processes the student's code forked outlived it"


def test_memory_bomb_fails_inside_the_worker(mode: str) -> None:
    bomb = worker(launch.Limits(memory_mb=2048))
    reply = bomb.run("import torch\nx = torch.empty(8 * 1024**3, dtype=torch.uint8)\nx.fill_(1)")
    assert not reply["ok"]
    assert "memory" in reply["error"]["message"].lower() or \
        reply["error"]["type"] in ("MemoryError", "RuntimeError")
    assert bomb.run("y = 1 + 1")["ok"], "the worker should survive a refused allocation"
    bomb.process.stop()


def test_output_flood_costs_nothing(mode: str) -> None:
    flood = worker()
    reply = flood.run("import sys\nchunk = 'x' * 1_000_000\n"
                      "for _ in range(200):\n    sys.stdout.write(chunk)\nprint('the end')",
                      timeout=120)
    assert reply["ok"], reply
    deadline = time.monotonic() + 30  # the output is drained by a thread: let it catch up
    while not flood.process.log_tail(100).strip().endswith("the end") and \
            time.monotonic() < deadline:
        time.sleep(0.05)
    assert flood.process.log_tail(100).strip().endswith("the end")
    flood.process.stop()


@pytest.fixture
def probes(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """The sandbox probes' answers, to set as another machine would give them."""
    answers: dict = {}
    monkeypatch.setattr(launch, "_probes", answers)
    monkeypatch.setattr(launch, "_policy", launch._Policy())
    launch.shutdown()
    yield answers
    launch.shutdown()


def test_required_refuses_without_bubblewrap(probes: dict) -> None:
    probes["bwrap"] = (False, "bubblewrap (bwrap) is not installed")
    with pytest.raises(launch.SandboxError, match=r"not installed.*apt-get install bubblewrap"):
        launch.use_sandbox("required")


def test_auto_warns_once_and_falls_back(probes: dict,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    probes["bwrap"] = (False, "bwrap cannot make a sandbox here")
    probes["namespaces"] = (False, "only root can make the namespaces without bubblewrap")
    for _ in range(2):
        probe = worker()
        assert not probe.process.sandboxed
        probe.process.stop()
    warnings = capsys.readouterr().err
    assert warnings.count("WARNING") == 1
    assert "cannot make a sandbox here" in warnings and "solutions/" in warnings
    assert "apt-get install bubblewrap" in warnings


def test_root_without_bubblewrap_uses_namespaces_and_says_so(
        probes: dict, capsys: pytest.CaptureFixture[str]) -> None:
    """As root with a broken bubblewrap, is the worker confined by namespaces, said once?"""
    needs_confinement("namespaces")
    probes["bwrap"] = (False, "bwrap cannot make a sandbox here")
    for _ in range(2):
        probe = worker()
        assert probe.process.zygote.level == "namespaces"
        probe.process.stop()
    said = capsys.readouterr().err
    assert said.count("namespaces") == 1 and "WARNING" not in said


def test_unconfined_root_refuses_hidden_checks_unless_off(probes: dict) -> None:
    """As root with neither bubblewrap nor namespaces, are hidden checks refused, with what
    it would expose, unless --sandbox=off?"""
    if os.getuid() != 0:
        pytest.skip("only a root grader drops to a uid that could read world-readable files")
    probes["bwrap"] = (False, "bubblewrap (bwrap) is not installed")
    probes["namespaces"] = (False, "this machine does not let root make namespaces")
    with pytest.raises(launch.SandboxError, match=r"solutions/.*--sandbox=off"):
        launch.refuse_unconfined_root()
    launch.use_sandbox("off")
    launch.refuse_unconfined_root()


def test_a_bwrap_that_fails_at_start_is_not_used(probes: dict, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A bwrap that exits at once (a container without user namespaces): is it reported as
    not working, with its own words, and not used?"""
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\n"
                    "exit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("AUTOGRADER_BWRAP", str(fake))
    works, why = launch.sandbox_status()
    assert not works and "No permissions to create new namespace" in why
    assert launch.confinement() != "bubblewrap"


def test_no_bind_shows_a_hidden_folder_again(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    """A clone under /tmp, tested from its root (so the root is on sys.path): is every
    hidden folder still hidden once all mounts are made?"""
    clone = tmp_path / "clone"
    (clone / "solutions").mkdir(parents=True)
    monkeypatch.setattr(launch, "kit_root", lambda: clone)
    monkeypatch.setattr("sys.path", [str(clone), str(tmp_path), *sys.path])
    command = launch._bwrap_command(["python"], "-", launch._plan())
    mounts = [(command[i], Path(command[i + 1])) for i, word in enumerate(command)
              if word in ("--tmpfs", "--ro-bind")][1:]  # after the first: --ro-bind / /
    assert ("--tmpfs", clone) in mounts
    for position, (kind, hidden) in enumerate(mounts):
        if kind != "--tmpfs":
            continue
        later = [path for k, path in mounts[position + 1:] if k == "--ro-bind"]
        shown = [p for p in later if p == hidden or p in hidden.parents]
        assert not shown, f"{hidden} is hidden, then shown again by binding {shown}"
    plan = launch._plan()  # the namespaces bind back the same folders as bubblewrap
    for kept in map(Path, plan.keep):
        assert not any(kept == Path(h) or kept in Path(h).parents for h in plan.hide), kept
