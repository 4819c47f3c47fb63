"""Grading speed, measured side by side in one run: one notebook, one submission's parts, a class.

Why in one run: every figure is a ratio of two things timed on the same machine, under the
same load, so it means something even on a busy machine. What it prints:

1. **One notebook**, as a self-learner runs it: `autograder check --hidden` and
   `autograder check` on the solved notebook, against a bare `python -c "import torch"`
   (some interpreter must import torch: that is the floor), medians of `--repeat` runs.
2. **Where one submission's time goes** in a warm grading process: reading the notebook,
   starting the worker, running its cells (and the part of that inside student code),
   each check, the reference solutions' share of the checks, writing the record.
3. **A class** of N submissions (40% right, 40% with one realistic mistake from
   `tests/mutants/`, 20% broken), graded by `nbgrader autograde` and by `autograder grade`
   on local slots (and, with `--dask`, on a Dask LocalCluster of as many processes):
   wall times and the throughput ratio; the grader's overhead per submission in a warm
   process (mean of `seconds - student_seconds`) and over the whole run
   (`(wall x processes - student time) / N`, start-up and idle slots included); how far the
   run is from the physical limit, the students' own code time divided by the cores; and
   whether the graders agree, item by item.

The last line is the figures as one JSON object, for scripts.

    python benchmarks/grading_speed.py [--assignment ID] [--n 40] [--workers N] [--dask]
                                       [--repeat 3] [--no-nbgrader] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import cycle
from pathlib import Path
from types import ModuleType

from autograder import engine, manifest, store
from autograder.build import run_nbgrader
from autograder.classroom import default_workers
from autograder.demo import fill, release, solution_answers
from autograder.gradebook import read_scores
from autograder.manifest import Assignment

TARGETS = {"throughput_ratio": 4.0, "overhead_warm_s": 0.15, "overhead_whole_s": 0.5,
           "check_hidden_vs_import_torch": 2.5}


def _met(name: str, value: float) -> str:
    target = TARGETS[name]
    better = value >= target if name == "throughput_ratio" else value <= target
    return f"target {'>=' if name == 'throughput_ratio' else '<='} {target:g}: " + \
        ("met" if better else "NOT met")


# -- the class ----------------------------------------------------------------------------
def _broken(assignment: Assignment) -> tuple[tuple[str, dict | None], ...]:
    first, last = assignment.items[0].name, assignment.items[-1].name
    return (("a syntax error", {first: f"def {first}(\n"}), ("the untouched release", None),
            ("a file cut off mid-save", {}), ("a deleted graded cell", {last: None}))


def build_course(assignment: Assignment, course: Path, n: int) -> dict[str, str]:
    """Release the assignment and write n submissions; student -> what they handed in."""
    released = release(assignment, course)
    right = solution_answers(assignment)
    mutants = cycle(sorted((manifest.kit_root() / "tests" / "mutants" / assignment.id)
                           .glob("*.py")))
    broken = cycle(_broken(assignment))
    kinds = cycle(("right", "wrong", "right", "wrong", "broken"))
    made = {}
    for index in range(n):
        student = f"s{index:03d}"
        target = course / "submitted" / student / assignment.id / assignment.notebook_name
        kind = next(kinds)
        if kind == "right":
            fill(released, right, target)
            made[student] = "right"
        elif kind == "wrong":
            mutant = next(mutants)
            fill(released, {**right, mutant.stem.split("__")[0]: mutant.read_text()}, target)
            made[student] = f"wrong: {mutant.stem}"
        else:
            what, answers = next(broken)
            fill(released, {} if answers is None else {**right, **answers}, target)
            if what == "a file cut off mid-save":
                target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
            made[student] = f"broken: {what}"
    return made


def nbgrader_autograde(assignment: Assignment, course: Path) -> float:
    """Wall time of `nbgrader autograde` on the whole course."""
    started = time.perf_counter()
    run_nbgrader("autograde", assignment.id, "--force", course=course, cwd=manifest.kit_root())
    return time.perf_counter() - started


def autograder_grade(assignment: Assignment, course: Path, workers: int,
                     scheduler: str | None = None) -> float:
    """Wall time of `autograder grade` on the whole course (a whole command)."""
    command = [sys.executable, "-m", "autograder", "grade", assignment.id, "--course",
               str(course), "--workers", str(workers), "--force"]
    if scheduler:
        command += ["--scheduler", scheduler]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=manifest.kit_root())
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        print(f"  autograder grade exited {done.returncode}: {done.stderr[-500:]}")
    return seconds


def disagreements(ours: dict[str, store.Record], theirs: dict[str, dict]) -> list[str]:
    """Student/item pairs whose scores differ between our records and nbgrader's gradebook."""
    found = []
    for student, record in sorted(ours.items()):
        cells = theirs.get(student, {})
        for item in record.result.items:
            their = cells.get(f"check_{item.name}") or 0.0
            if abs(item.score - their) > 1e-6:
                found.append(f"{student} {item.name}: autograder {item.score:g}, "
                             f"nbgrader {their:g}")
    return found


def class_figures(name: str, course: Path, assignment: Assignment, wall: float,
                  processes: int, n: int, cores: int) -> dict[str, float]:
    results = [r.result for r in store.load(course, assignment.id).values()]
    warm = statistics.fmean(r.seconds - r.student_seconds for r in results)
    student = sum(r.student_seconds for r in results)
    whole = (wall * processes - student) / n
    limit = student / cores
    print(f"  {name:22} {wall:7.1f} s  ({wall / n:.2f} s each, {processes} processes, "
          f"{len(results)} records)")
    print(f"    grader overhead, warm   {warm:6.3f} s per submission "
          f"({_met('overhead_warm_s', warm)})")
    print(f"    over the whole run      {whole:6.3f} s per submission "
          f"({_met('overhead_whole_s', whole)})")
    print(f"    physical limit          {limit:6.1f} s (student code {student / n:.3f} s each "
          f"/ {cores} cores): the run took {wall / max(limit, 1e-9):.1f}x the limit")
    return {"wall_s": wall, "overhead_warm_s": warm, "overhead_whole_s": whole,
            "limit_s": limit, "times_the_limit": wall / max(limit, 1e-9)}


# -- one notebook -------------------------------------------------------------------------
def _median_seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=manifest.kit_root())
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def one_notebook(assignment: Assignment, notebook: Path, repeat: int) -> dict[str, float]:
    torch_alone = _median_seconds([sys.executable, "-c", "import torch"], repeat)
    command = [sys.executable, "-m", "autograder", "check", str(notebook)]
    hidden = _median_seconds([*command, "--hidden"], repeat)
    visible = _median_seconds(command, repeat)
    ratio = hidden / torch_alone
    print(f"One notebook ({assignment.id}, solved; medians of {repeat}):")
    print(f"  python -c 'import torch'        {torch_alone:6.2f} s")
    print(f"  autograder check --hidden       {hidden:6.2f} s  = {ratio:.2f}x import torch "
          f"({_met('check_hidden_vs_import_torch', ratio)})")
    print(f"  autograder check (visible)      {visible:6.2f} s  = "
          f"{visible / torch_alone:.2f}x import torch")
    return {"import_torch_s": torch_alone, "check_hidden_s": hidden, "check_visible_s": visible,
            "check_hidden_vs_import_torch": ratio}


# -- one submission's parts ---------------------------------------------------------------
_PARTS = {"read": "read the notebook",
          "worker_start_and_cells": "start the worker, run the cells (outside student code)",
          "cells_student_code": "cells: inside student code",
          "checks_student_code": "checks: inside student code",
          "checks_reference": "checks: the reference solutions",
          "checks_grader_and_channel": "checks: the grader's own work and the channel",
          "record": "write the record"}


class _TimedReference(ModuleType):
    """The reference solutions, with the time spent in their top-level callables summed."""

    def __init__(self, module: ModuleType, spent: list[float]) -> None:
        super().__init__(module.__name__)
        self._module, self._spent = module, spent

    def __getattr__(self, name: str):
        value = getattr(self._module, name)
        if not callable(value):
            return value
        spent = self._spent

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started
        return timed


def breakdown(assignment: Assignment, notebook: Path) -> dict[str, float]:
    """One submission graded piece by piece in this (warm) process."""
    from autograder import grade as grading
    from autograder.launch import Limits
    from autograder.session import Budget, RemoteStudent

    grading.grade_notebook(notebook, assignment=assignment)  # warm: zygote, imports, caches
    parts: dict[str, float] = {}
    started = time.perf_counter()
    submission = grading.read_submission(notebook, grading._layout(assignment),
                                         grading._other_layouts(assignment))
    parts["read"] = time.perf_counter() - started
    budget = Budget(assignment.budget.request_seconds, assignment.budget.submission_seconds)
    worker = RemoteStudent(list(submission.cells), budget,
                           Limits(memory_mb=assignment.budget.memory_mb))
    started = time.perf_counter()
    worker.start()
    cells = time.perf_counter() - started
    in_cells = sum(o.seconds for o in worker.outcomes)
    parts["worker_start_and_cells"] = cells - in_cells
    parts["cells_student_code"] = in_cells
    spent = [0.0]
    real = engine.load_reference
    engine.load_reference = lambda a: _TimedReference(real(a), spent)
    student_before = worker.student_seconds
    started = time.perf_counter()
    try:
        items = engine.run_checks(assignment, worker, hidden=True, answers=submission.answers,
                                  other_cells=tuple(text for _, text in submission.cells))
    finally:
        engine.load_reference = real
        worker.close()
    checks = time.perf_counter() - started
    in_checks = worker.student_seconds - student_before
    parts["checks_student_code"] = in_checks
    parts["checks_reference"] = spent[0]
    parts["checks_grader_and_channel"] = checks - in_checks - spent[0]
    result = grading.AssignmentResult(assignment.id, str(notebook), items, True)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store.save(Path(folder), store.Record("s", assignment.id, result, "x"))
        parts["record"] = time.perf_counter() - started
    total = sum(parts.values())
    print(f"Where one submission's time goes (warm process, {assignment.id} solved, "
          f"{total:.2f} s in all):")
    for key, seconds in parts.items():
        print(f"  {_PARTS[key]:54} {seconds:6.3f} s")
    slowest = sorted(((c.seconds, c.id) for i in items for c in i.checks), reverse=True)[:6]
    print("  slowest checks: " + ", ".join(f"{cid} {s:.2f} s" for s, cid in slowest))
    return {f"breakdown_{key}_s": value for key, value in parts.items()}


# -- the run ------------------------------------------------------------------------------
def run(options: argparse.Namespace, folder: Path) -> dict[str, float]:
    assignment = manifest.load(options.assignment)
    cores = os.cpu_count() or 1
    figures: dict[str, float] = {"load_before": os.getloadavg()[0]}
    figures |= one_notebook(assignment, assignment.path("source"), options.repeat)
    print()
    figures |= breakdown(assignment, assignment.path("source"))
    print()
    print(f"A class: building {options.n} submissions of {assignment.id} ...", flush=True)
    made = build_course(assignment, folder / "nbgrader", options.n)
    counts = defaultdict(int)
    for kind in made.values():
        counts[kind.split(":")[0]] += 1
    print("  " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for copy in ("autograder", "dask"):
        shutil.copytree(folder / "nbgrader", folder / copy)
    nbgrader_seconds = None
    if options.nbgrader:
        nbgrader_seconds = nbgrader_autograde(assignment, folder / "nbgrader")
        print(f"  {'nbgrader autograde':22} {nbgrader_seconds:7.1f} s  "
              f"({nbgrader_seconds / options.n:.2f} s each, one notebook at a time)")
    ours = autograder_grade(assignment, folder / "autograder", options.workers)
    local = class_figures("autograder grade", folder / "autograder", assignment, ours,
                          min(options.workers, options.n), options.n, cores)
    figures |= {f"slots_{k}": v for k, v in local.items()}
    figures["overhead_warm_s"] = local["overhead_warm_s"]
    figures["overhead_whole_s"] = local["overhead_whole_s"]
    if nbgrader_seconds is not None:
        ratio = nbgrader_seconds / ours
        figures |= {"nbgrader_s": nbgrader_seconds, "throughput_ratio": ratio,
                    "nbgrader_per_notebook_s": nbgrader_seconds / options.n,
                    "single_notebook_vs_nbgrader": (nbgrader_seconds / options.n)
                    / figures["check_hidden_s"]}
        differ = disagreements(store.load(folder / "autograder", assignment.id),
                               read_scores(folder / "nbgrader", assignment.id))
        print(f"  throughput ratio       {ratio:7.1f} x ({_met('throughput_ratio', ratio)}); "
              f"one notebook: nbgrader {nbgrader_seconds / options.n:.1f} s, autograder "
              f"check --hidden {figures['check_hidden_s']:.1f} s")
        print(f"  the two graders disagree on {len(differ)} items"
              + "".join(f"\n    {line}" for line in differ[:10]))
        figures["disagreements"] = len(differ)
    if options.dask:
        figures |= {f"dask_{k}": v for k, v in _dask(options, assignment, folder, cores).items()}
    figures["load_after"] = os.getloadavg()[0]
    return figures


def _dask(options: argparse.Namespace, assignment: Assignment, folder: Path,
          cores: int) -> dict[str, float]:
    from distributed import LocalCluster

    processes = min(options.workers, options.n)
    with LocalCluster(n_workers=processes, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        wall = autograder_grade(assignment, folder / "dask", options.workers,
                                scheduler=cluster.scheduler_address)
    return class_figures("on Dask (LocalCluster)", folder / "dask", assignment, wall,
                         processes, options.n, cores)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--assignment", default="03-softmax-regression",
                      help="which assignment to grade (default 03-softmax-regression)")
    args.add_argument("--n", type=int, default=40, help="submissions (default 40)")
    args.add_argument("--workers", type=int, default=default_workers(),
                      help="autograder grading processes (default: one per core)")
    args.add_argument("--repeat", type=int, default=3, help="runs per one-notebook timing")
    args.add_argument("--dask", action="store_true",
                      help="also grade the class on a Dask LocalCluster of as many processes")
    args.add_argument("--no-nbgrader", dest="nbgrader", action="store_false",
                      help="skip nbgrader autograde (it takes minutes)")
    args.add_argument("--keep", metavar="DIR", help="build the courses here and keep them")
    options = args.parse_args()
    if options.keep:
        folder = Path(options.keep).resolve()
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        figures = run(options, folder)
    else:
        with tempfile.TemporaryDirectory(prefix="grading-speed-") as tmp:
            figures = run(options, Path(tmp))
    print(json.dumps({"assignment": options.assignment, "n": options.n,
                      **{k: round(v, 4) for k, v in figures.items()}}))


if __name__ == "__main__":
    main()
