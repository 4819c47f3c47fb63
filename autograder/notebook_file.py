"""Reading a notebook file into cells, every way it can be broken made one clear message.

Why apart from `submission`: what a file holds (bytes, JSON, nbformat, cells) is one
question, and what those cells mean to an exercise is another. A file that is no notebook
at all (missing, a folder, empty, over `MAX_NOTEBOOK_BYTES`, not UTF-8, not JSON, JSON
that is not a notebook) raises `NotebookError`, one line that says what was expected,
what was found and what to do. Anything smaller is read, and said in `Notebook.problems`:
a cell that is not a cell is left out, a cell without a source is read as empty, an old
nbformat is converted, and duplicate cell ids are flagged so nobody relies on them.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MAX_NOTEBOOK_BYTES", "Cell", "Notebook", "NotebookError", "cells_named",
           "ensure_file", "read_notebook"]

MAX_NOTEBOOK_BYTES = 50 * 2**20  # a notebook this big is all outputs: refused unread
_KINDS = ("code", "markdown", "raw")


class NotebookError(Exception):
    """The file is not a notebook that can be graded; the message says why."""


@dataclass(frozen=True)
class Cell:
    """One cell as grading sees it, whatever shape its JSON was in."""

    number: int                # position in the notebook, from 1
    kind: str                  # "code", "markdown", "raw", or "" for no valid cell_type
    text: str
    grade_id: str | None = None
    id: str | None = None
    nbgrader: Mapping = field(default_factory=dict)
    demo: bool = False

    @property
    def label(self) -> str:
        return f"cell {self.number}" + (f" ({self.grade_id})" if self.grade_id else "")

    def checksum(self) -> str:
        """nbgrader's checksum of the cell (`nbgrader.utils.compute_checksum`), computed
        the same way without importing nbformat: what `generate_assignment` stamps into
        each graded cell, and what tells a cell handed in as released."""
        meta = self.nbgrader
        solution, grade = bool(meta.get("solution", False)), bool(meta.get("grade", False))
        locked = False if solution else True if grade else bool(meta.get("locked", False))
        digest = hashlib.md5()
        for part in (self.text, self.kind, str(grade), str(solution), str(locked),
                     self.grade_id or ""):
            digest.update(part.encode("utf-8"))
        if grade:
            digest.update(str(float(meta.get("points", 0))).encode("utf-8"))
        return digest.hexdigest()


@dataclass(frozen=True)
class Notebook:
    """The cells of a readable notebook, and what was wrong with them."""

    cells: tuple[Cell, ...]
    problems: tuple[str, ...] = ()
    shared_ids: frozenset[str] = frozenset()  # cell ids that more than one cell carries


def _what(value: object) -> str:
    """A JSON value as a student would name it: 'a JSON array', 'null'."""
    if value is None:
        return "null"
    kinds = {bool: "true/false", str: "a string", list: "a JSON array", dict: "a JSON object",
             int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


def cells_named(numbers: list[int]) -> str:
    """[3, 5, 9] -> 'cells 3, 5 and 9', as a student finds them in the notebook."""
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"cell {words[0]}"
    return "cells " + ", ".join(words[:-1]) + " and " + words[-1]


def ensure_file(path: Path) -> None:
    """Refuse a path that is not a notebook file, saying what to pass instead."""
    path = Path(path)
    if path.is_dir():
        inside = sorted(p.name for p in path.glob("*.ipynb"))
        which = f" ({', '.join(inside)})" if inside else ""
        raise NotebookError(f"{path} is a folder, not a notebook file: pass the .ipynb file "
                            f"inside it{which}")
    if not path.exists():
        raise NotebookError(f"no such notebook: {path}; check the path and the file name")
    if not path.is_file():
        raise NotebookError(f"{path} is not a regular file: pass the .ipynb file itself")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, its size checked before anything is read."""
    ensure_file(path)
    too_big = (f"over the {MAX_NOTEBOOK_BYTES // 2**20} MB limit for a notebook: outputs "
               "(plots, printed tensors) make a notebook this big; in JupyterLab use Kernel "
               "> Restart Kernel and Clear Outputs of All Cells, then save")
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_NOTEBOOK_BYTES:
                raise NotebookError(f"{path.name} is {size / 2**20:.1f} MB, {too_big}")
            data = file.read(MAX_NOTEBOOK_BYTES + 1)  # capped, should it grow meanwhile
    except OSError as exc:
        raise NotebookError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"{path.name} is {too_big}")
    if not data:
        raise NotebookError(f"{path.name} is empty (0 bytes), not a notebook: it was not "
                            "saved completely; save it again in JupyterLab, or use File > "
                            "Revert Notebook to Checkpoint")
    return data


def _load_json(data: bytes, name: str) -> tuple[object, list[str]]:
    """The JSON in UTF-8 bytes; a byte-order mark is read past, and reported."""
    fresh_copy = "copy your code into a fresh copy of the released notebook"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise NotebookError(f"{name} is not UTF-8 text, as notebooks are: byte "
                            f"0x{data[exc.start]:02x} on line {line} is not UTF-8; if an "
                            "editor saved it in another encoding, save it again as UTF-8, or "
                            f"{fresh_copy}") from None
    problems = []
    if text.startswith("\ufeff"):
        text = text[1:]
        problems.append(f"{name} starts with a byte-order mark (BOM), which Jupyter and "
                        "nbgrader refuse; it was read without it: save it as UTF-8 without BOM")
    try:
        return json.loads(text), problems
    except json.JSONDecodeError as exc:
        raise NotebookError(f"{name} is not valid notebook JSON: {exc.msg} (line "
                            f"{exc.lineno}, column {exc.colno}); it was probably cut off while "
                            "saving or edited by hand: try File > Revert Notebook to "
                            f"Checkpoint in JupyterLab, or {fresh_copy}") from None
    except RecursionError:
        raise NotebookError(f"{name} is not a notebook: its JSON is nested too deeply to "
                            "read") from None


def _as_version_4(data: object, name: str) -> dict:
    """The notebook as nbformat 4: older formats converted, anything else refused."""
    if not isinstance(data, dict) or "nbformat" not in data:
        keys = ", ".join(f'"{key}"' for key in list(data)[:6]) if isinstance(data, dict) else ""
        found = f"a JSON object with the keys {keys or 'none'}" if keys else _what(data)
        raise NotebookError(f'{name} is not a notebook: expected a JSON object with "cells" '
                            f'and "nbformat", found {found}')
    version = data["nbformat"]
    if type(version) is not int or version > 4:
        raise NotebookError(f"{name} is in nbformat {version!r}, but this kit reads nbformat "
                            "4 (and converts older ones): save it again in JupyterLab")
    if version < 4:
        try:
            import nbformat  # only here: with jsonschema it costs seconds to import

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return nbformat.convert(nbformat.from_dict(data), 4)
        except Exception as exc:
            raise NotebookError(f"{name} is in nbformat {version}, which could not be "
                                f"converted to nbformat 4 ({type(exc).__name__}: {exc}): "
                                "open it in Jupyter and save it, which converts it") from None
    return data


def _cell(number: int, raw: dict, problems: list[str]) -> Cell:
    metadata = raw.get("metadata") if isinstance(raw.get("metadata"), dict) else {}
    meta = metadata.get("nbgrader") if isinstance(metadata.get("nbgrader"), dict) else {}
    grade_id = (meta.get("grade_id") if isinstance(meta.get("grade_id"), str) else "") or None
    tags = metadata.get("tags") if isinstance(metadata.get("tags"), list) else []
    cell_id = raw["id"] if isinstance(raw.get("id"), str) else None
    label = Cell(number, "", "", grade_id).label
    kind = raw.get("cell_type")
    if kind not in _KINDS:
        problems.append(f'{label} is not a valid cell: expected "cell_type" "code", '
                        f'"markdown" or "raw", found {_what(kind)}: copy the cell back '
                        "from the released notebook")
        kind = ""
    source = raw.get("source")
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        source = "".join(source)
    if not isinstance(source, str):
        problems.append(f'{label} has no valid "source" (expected text or a list of '
                        f"lines, found {_what(source)}): it was read as empty")
        source = ""
    return Cell(number, kind, source, grade_id, cell_id, meta, "demo" in tags)


def read_notebook(path: Path) -> Notebook:
    """The file's cells, every way it can be broken turned into one clear message."""
    path = Path(path)
    data, problems = _load_json(_read_bytes(path), path.name)
    raw_cells = _as_version_4(data, path.name).get("cells")
    if not isinstance(raw_cells, list):
        found = "no cells at all" if raw_cells is None else _what(raw_cells)
        raise NotebookError(f'{path.name} has no list of cells: expected "cells": [...] in '
                            f"the notebook JSON, found {found}; copy your code into a fresh "
                            "copy of the released notebook")
    cells = []
    for number, raw in enumerate(raw_cells, start=1):
        if isinstance(raw, dict):
            cells.append(_cell(number, raw, problems))
        else:
            problems.append(f'cell {number} is not a notebook cell (expected a JSON object '
                            f'with "cell_type" and "source", found {_what(raw)}): it was '
                            "left out")
    counts = Counter(cell.id for cell in cells if cell.id)
    shared = frozenset(i for i, n in counts.items() if n > 1)
    for cell_id in sorted(shared):
        numbers = [c.number for c in cells if c.id == cell_id]
        problems.append(f"cell id '{cell_id}' is carried by {cells_named(numbers)}, but "
                        "ids must be unique: the cells were told apart by their grade ids; "
                        "JupyterLab renews duplicate ids when it opens and saves the notebook")
    return Notebook(tuple(cells), tuple(problems), shared)
