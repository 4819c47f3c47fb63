"""Regenerating what is made from `source/`: the student release and the reference solutions.

Why generated and committed: an exercise is written once, in the source notebook. The
student notebook comes from nbgrader's own `generate_assignment` (its preprocessors clear
solutions and hidden tests, lock cells and record checksums), the reference solutions
from the source's setup, given and solution cells. Both are committed so that students
and graders need no build step, and `stale_files` (run by the kit's tests) fails the
moment either no longer matches its source. Points are stamped into the source's check
cells from the manifest, so nbgrader and the autograder agree on them.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from autograder.manifest import Assignment, all_assignments

__all__ = ["BuildError", "build", "run_nbgrader", "solution_source", "stale_files",
           "stamped_source"]

_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


class BuildError(Exception):
    """The source notebook does not follow the conventions of `source/README.md`."""


def stamped_source(assignment: Assignment) -> nbformat.NotebookNode:
    """The source notebook with each check cell's points taken from the manifest."""
    notebook = nbformat.read(assignment.path("source"), as_version=4)
    solutions, checks = set(), set()
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        if meta.get("solution"):
            solutions.add(grade_id)
        if meta.get("grade") and grade_id.startswith("check_"):
            name = grade_id.removeprefix("check_")
            checks.add(name)
            try:
                meta["points"] = assignment.item(name).points
            except KeyError:
                raise BuildError(f"{assignment.id}: check cell {grade_id} names no graded "
                                 "item of the manifest") from None
    expected = {item.name for item in assignment.items}
    for kind, found in (("solution", solutions), ("check", checks)):
        if found != expected:
            raise BuildError(f"{assignment.id}: {kind} cells do not match the manifest's "
                             f"items: missing {sorted(expected - found)}, "
                             f"extra {sorted(found - expected)}")
    return notebook


def solution_source(assignment: Assignment, notebook: nbformat.NotebookNode) -> str:
    """The reference module: setup, given and solution cells, markers removed, without the
    setup's imports that only the demos use (matplotlib alone would cost the grader most
    of a second to import, for every `check --hidden`)."""
    parts = [f'"""Reference solutions for {assignment.id}.\n\nGenerated from '
             f'source/{assignment.id}/{assignment.notebook_name} by `autograder build`.\n'
             'Do not edit; never ship to students.\n"""\n']
    cells = []
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("grade") or \
                "demo" in cell.get("metadata", {}).get("tags", []) or not meta.get("grade_id"):
            continue
        lines = [line for line in cell.source.splitlines() if line.strip() not in _MARKERS]
        cells.append((meta["grade_id"], "\n".join(lines).rstrip() + "\n"))
    used = {node.id for _, text in cells for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Name)}  # imports bind names; only uses are Name nodes
    parts += [_without_unused_imports(text, used) if grade_id == "setup" else text
              for grade_id, text in cells]
    return "\n\n".join(parts)


def _without_unused_imports(source: str, used: set[str]) -> str:
    """`source` without the top-level imports none of whose names are in `used`."""
    tree = ast.parse(source)
    lines = source.splitlines()
    dropped: set[int] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = {(a.asname or a.name).split(".")[0] for a in node.names}
            if not names & used:
                dropped.update(range(node.lineno - 1, node.end_lineno))
    kept = [line for number, line in enumerate(lines) if number not in dropped]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n") + "\n"


def run_nbgrader(*args: str, course: Path, cwd: Path) -> subprocess.CompletedProcess:
    """nbgrader on a course folder, with this environment's tools (its alembic) on PATH."""
    env = {**os.environ,
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course}",
               f"--CourseDirectory.db_url=sqlite:///{course / 'gradebook.db'}"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def _release(assignment: Assignment, notebook: nbformat.NotebookNode, workdir: Path) -> Path:
    """Run nbgrader's generate_assignment on the stamped source in a scratch course."""
    source = workdir / "source" / assignment.id
    source.mkdir(parents=True)
    nbformat.write(notebook, source / assignment.notebook_name)
    done = run_nbgrader("generate_assignment", assignment.id, "--force", course=workdir,
                        cwd=workdir)
    released = workdir / "release" / assignment.id / assignment.notebook_name
    if done.returncode != 0 or not released.exists():
        raise BuildError(f"nbgrader generate_assignment {assignment.id} failed:\n"
                         f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return released


def _outputs(assignment: Assignment, workdir: Path) -> dict[Path, str]:
    """Every file the build makes for one assignment, path -> text."""
    notebook = stamped_source(assignment)
    released = _release(assignment, notebook, workdir / assignment.id)
    return {
        assignment.path("source"): nbformat.writes(notebook) + "\n",
        assignment.path("release"): released.read_text(),
        assignment.path("solution"): solution_source(assignment, notebook),
    }


def _changed(assignments: list[Assignment] | None) -> list[tuple[Path, str]]:
    """Generated files whose text differs from what the source makes now: (path, new text).

    Each assignment's nbgrader run is a process of its own in a scratch course of its own,
    so they run side by side, one per core.
    """
    chosen = assignments or all_assignments()
    with tempfile.TemporaryDirectory() as tmp, \
            ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        made = pool.map(lambda assignment: _outputs(assignment, Path(tmp)), chosen)
        return [(path, text) for outputs in made for path, text in outputs.items()
                if not path.exists() or path.read_text() != text]


def build(assignments: list[Assignment] | None = None) -> list[Path]:
    """Write the release and solutions (and stamped source) of every assignment."""
    changed = _changed(assignments)
    for path, text in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return [path for path, _ in changed]


def stale_files(assignments: list[Assignment] | None = None) -> list[str]:
    """Generated files that differ from what `build` would write now."""
    return [str(path) for path, _ in _changed(assignments)]
