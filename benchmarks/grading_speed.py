"""Grading speed: `autograder grade` against plain `nbgrader autograde`, in one run.

Why in one run: the two are timed on the same machine, under the same load, on the same
submissions, so their ratio means something even on a busy machine.

It builds a scratch nbgrader course (released with `nbgrader generate_assignment`) with
N submissions of 03-softmax-regression, a mix like a real class's: 40% right, 40% with one
realistic mistake (a mutant of `tests/mutants/`, a different one each time), 20% broken
(a syntax error, the untouched release, a file cut off mid-save, a deleted graded cell).
Two copies of it are graded, one by each, and it prints:

- both wall times (each a whole command, process start included) and the throughput ratio;
- the grader's overhead per submission, two ways, both "time not spent in student code":
  per submission, the mean of `AssignmentResult.seconds - student_seconds` (a grading
  process's time on one notebook, outside the student's code: reading it, starting the
  worker, running the checks and the reference); and for the whole run,
  `(wall time x processes - sum of student_seconds) / N`, which adds process start-up and
  idle slots;
- whether the two graders agree, item by item.

    python benchmarks/grading_speed.py [--n 40] [--workers N] [--keep DIR]

Targets on a 2-core machine: a ratio of at least 4 and under 0.3 s of overhead per
submission. It prints what it measures either way.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

from autograder import manifest, store
from autograder.build import run_nbgrader
from autograder.classroom import default_workers
from autograder.demo import fill, release, solution_answers
from autograder.gradebook import read_scores

ASSIGNMENT = manifest.load("03-softmax-regression")
BROKEN = (
    ("a syntax error", {"softmax": "def softmax(X)\n    return X\n"}),
    ("the untouched release", None),
    ("a file cut off mid-save", {}),
    ("a deleted graded cell", {"accuracy": None}),
)
TARGET_RATIO, TARGET_OVERHEAD = 4.0, 0.3


def build_course(course: Path, n: int) -> dict[str, str]:
    """Release the assignment and write n submissions; student -> what they handed in."""
    released = release(ASSIGNMENT, course)
    right = solution_answers(ASSIGNMENT)
    mutants = cycle(sorted((manifest.kit_root() / "tests" / "mutants" / ASSIGNMENT.id)
                           .glob("*.py")))
    broken = cycle(BROKEN)
    kinds = cycle(("right", "wrong", "right", "wrong", "broken"))
    made = {}
    for index in range(n):
        student = f"s{index:03d}"
        target = course / "submitted" / student / ASSIGNMENT.id / ASSIGNMENT.notebook_name
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


def nbgrader_autograde(course: Path) -> float:
    """Wall time of `nbgrader autograde` on the whole course; the submissions it could not
    process (the cut-off files) are listed, as it reports them."""
    started = time.perf_counter()
    done = run_nbgrader("autograde", ASSIGNMENT.id, "--force", course=course,
                        cwd=manifest.kit_root())
    seconds = time.perf_counter() - started
    for line in (done.stdout + done.stderr).splitlines():
        if "There was an error processing assignment" in line:
            print("  nbgrader: " + line.split("ERROR]", 1)[-1].strip())
    return seconds


def autograder_grade(course: Path, workers: int) -> float:
    """Wall time of `autograder grade` on the whole course; its summary is printed."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", ASSIGNMENT.id,
                           "--course", str(course), "--workers", str(workers)],
                          capture_output=True, text=True, cwd=manifest.kit_root())
    seconds = time.perf_counter() - started
    summary = done.stdout.strip().splitlines()[1:] or done.stderr.strip().splitlines()[-5:]
    print("  " + "\n  ".join(line[:150] for line in summary))
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


def run(n: int, workers: int, folder: Path) -> None:
    print(f"Building {n} submissions of {ASSIGNMENT.id} in {folder} ...", flush=True)
    made = build_course(folder / "nbgrader", n)
    shutil.copytree(folder / "nbgrader", folder / "autograder")
    counts = {kind: sum(v.startswith(kind) for v in made.values())
              for kind in ("right", "wrong", "broken")}
    print("  " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    load = os.getloadavg()[0]

    print("Grading with nbgrader autograde (one notebook at a time, every cell) ...", flush=True)
    nbgrader_seconds = nbgrader_autograde(folder / "nbgrader")
    print(f"Grading with autograder grade --workers {workers} ...", flush=True)
    ours_seconds = autograder_grade(folder / "autograder", workers)

    records = store.load(folder / "autograder", ASSIGNMENT.id)
    results = [r.result for r in records.values()]
    in_slot = sum(r.seconds - r.student_seconds for r in results) / max(len(results), 1)
    student = sum(r.student_seconds for r in results)
    whole = (ours_seconds * min(workers, n) - student) / n
    ratio = nbgrader_seconds / ours_seconds
    differ = disagreements(records, read_scores(folder / "nbgrader", ASSIGNMENT.id))

    print(f"\nResults ({n} submissions, {os.cpu_count()} cores, load average "
          f"{load:.1f} before, {os.getloadavg()[0]:.1f} after):")
    print(f"  nbgrader autograde   {nbgrader_seconds:8.1f} s  ({nbgrader_seconds / n:.2f} s each)")
    print(f"  autograder grade     {ours_seconds:8.1f} s  ({ours_seconds / n:.2f} s each, "
          f"{workers} processes)")
    print(f"  throughput ratio     {ratio:8.1f} x   (target >= {TARGET_RATIO:g}: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    print(f"  time in student code {student / n:8.2f} s per submission (sum of student_seconds "
          f"/ N)")
    print(f"  grader overhead      {in_slot:8.2f} s per submission: mean of seconds - "
          f"student_seconds (target < {TARGET_OVERHEAD:g}: "
          f"{'met' if in_slot < TARGET_OVERHEAD else 'NOT met'})")
    print(f"                       {whole:8.2f} s per submission over the whole run: "
          f"(wall x {min(workers, n)} processes - student time) / N")
    print(f"  records: {len(records)} of {n}; the two graders disagree on {len(differ)} items"
          + ("".join(f"\n    {line}" for line in differ[:10])))


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=40, help="submissions (default 40)")
    args.add_argument("--workers", type=int, default=default_workers(),
                      help="autograder grading processes (default: one per core)")
    args.add_argument("--keep", metavar="DIR", help="build the courses here and keep them")
    options = args.parse_args()
    if options.keep:
        folder = Path(options.keep).resolve()
        shutil.rmtree(folder, ignore_errors=True)
        run(options.n, options.workers, folder)
        return
    with tempfile.TemporaryDirectory(prefix="grading-speed-") as tmp:
        run(options.n, options.workers, Path(tmp))


if __name__ == "__main__":
    main()
