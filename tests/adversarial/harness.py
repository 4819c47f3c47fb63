"""Attacks on the grader as data, and the traps that show what an attack got away with.

Why traps: a sandbox is proved by what does not happen. Each attack is a cell that tries
to cheat; where cheating would leave a trace outside the grade (a file written outside
its scratch folder, a connection made, a process that outlives its worker, a secret
copied into the feedback), the trap is set before grading and read afterwards.

An attack lives in `attacks/<assignment>/` when it targets what that assignment's checks
trust, or in `attacks/grader/` when it targets the grader itself (its sandbox, channel,
limits, process and comparisons), which no assignment owns: those ride on the notebook
that `# Notebook:` names, and the suite's time for them is reported on its own line.

An attack file is a notebook cell with a header:
    # Attack: what it tries
    # Notebook: the assignment whose solved notebook carries it (default: its folder's)
    # Cell: the grade_id it replaces, or "new" for a cell added after the setup cell
    # Item: the graded item it attacks (default: the Cell); "none" for an added cell that
      attacks no item, when every item must keep its points
    # Earns: the most points that item may get (default 0: its function is wrong or a stub)
    # Expect: words the item's failure messages must contain (one line per phrase)
    # Spoils: other items it may cost, then a colon and why (default: none may lose a point)
Placeholders `@@NAME@@` in the cell are filled from `Traps.fill`.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder import manifest

HERE = Path(__file__).resolve().parent
ATTACKS = HERE / "attacks"
ROOT = HERE.parents[1]


@dataclass(frozen=True)
class Attack:
    """One attacking cell and what the grader must make of it."""

    group: str          # its folder: an assignment's id, or "grader"
    assignment: str     # the notebook it rides on
    name: str
    path: Path
    what: str
    cell: str
    item: str
    earns: float
    expect: tuple[str, ...]
    spoils: tuple[str, ...]

    @property
    def source(self) -> str:
        return self.path.read_text()


def _header(text: str, key: str) -> list[str]:
    return [v.strip() for v in re.findall(rf"^# {key}: (.+)$", text, re.M)]


def read_attack(path: Path) -> Attack:
    text = path.read_text()
    what, cell, expect = _header(text, "Attack"), _header(text, "Cell"), _header(text, "Expect")
    item = (_header(text, "Item") or cell)[0]
    assert what and cell and (expect or item == "none"), \
        f"{path} needs # Attack:, # Cell: and (unless it attacks no item) # Expect: lines"
    earns = float((_header(text, "Earns") or ["0"])[0])
    spoils = tuple(name.strip() for line in _header(text, "Spoils")
                   for name in line.split(":")[0].split(","))
    notebook = (_header(text, "Notebook") or [path.parent.name])[0]
    return Attack(path.parent.name, notebook, path.stem, path, what[0], cell[0], item, earns,
                  tuple(expect), spoils)


def label(attack: Attack) -> str:
    """The attack's test id: its folder and its name."""
    return f"{attack.group}/{attack.name}"


def all_attacks() -> list[Attack]:
    return [read_attack(p) for p in sorted(ATTACKS.glob("*/*.py"))]


def notebook_with_attack(attack: Attack, source: str, path: Path) -> Path:
    """The solved source notebook with the attack's cell replaced, or added after setup."""
    assignment = manifest.load(attack.assignment)
    notebook = nbformat.read(assignment.path("source"), as_version=4)
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in notebook.cells]
    if attack.cell == "new":
        notebook.cells.insert(ids.index("setup") + 1, nbformat.v4.new_code_cell(source))
    else:
        assert attack.cell in ids, f"{attack.path.name}: no cell {attack.cell!r}"
        notebook.cells[ids.index(attack.cell)].source = source
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


class Traps:
    """What an attack may reach if nothing stops it, set up before and read after grading.

    - `@@TRAP_DIR@@`: a folder outside any worker's scratch; it must stay empty.
    - `@@TRAP_PORT@@`: a port on 127.0.0.1 that listens; nobody may connect.
    - `@@TRAP_TOKEN@@`: a word that processes started by the attack carry in their command
      line; none may be alive once grading is over.
    - `@@OTHER_NOTEBOOK@@`: another student's (correct) submission in a course folder.
    - `@@KIT_ROOT@@`: the kit, with `solutions/` and the checks, read-only for attacks.
    - `@@KIT_COPY@@`: a copy of the kit's assignments, sources and solutions that the grader
      uses as its root (`$AUTOGRADER_ROOT`), so an attack may try to overwrite it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.dir = folder / "outside-scratch"
        self.dir.mkdir(parents=True)
        self.token = f"autograder-attack-{secrets.token_hex(6)}"
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.setblocking(False)
        self.port = self.listener.getsockname()[1]
        self.other = folder / "course" / "submitted" / "bob" / "01-linear-regression.ipynb"
        self.other.parent.mkdir(parents=True)
        shutil.copy(manifest.load("01-linear-regression").path("source"), self.other)
        self.kit_copy = folder / "kit"
        for part in ("assignments", "source", "solutions"):
            shutil.copytree(ROOT / part, self.kit_copy / part)

    def fill(self, source: str) -> str:
        values = {"TRAP_DIR": self.dir, "TRAP_PORT": self.port, "TRAP_TOKEN": self.token,
                  "OTHER_NOTEBOOK": self.other, "KIT_ROOT": ROOT, "KIT_COPY": self.kit_copy}
        for key, value in values.items():
            source = source.replace(f"@@{key}@@", str(value))
        return source

    def written(self) -> list[str]:
        return sorted(p.name for p in self.dir.iterdir())

    def connections(self) -> int:
        count = 0
        while True:
            try:
                connection, _ = self.listener.accept()
            except (BlockingIOError, OSError):
                return count
            connection.close()
            count += 1

    def survivors(self) -> list[int]:
        """Processes carrying the token; killed here (they are the attack's), then listed."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if self.token.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
        for pid in found:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        return found

    def close(self) -> None:
        self.listener.close()
        self.survivors()

