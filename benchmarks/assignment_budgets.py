"""Each assignment's budget: one submission's hidden checks in a warm grading process.

Why a benchmark and not a test: the budget (15 s on a 2-core machine, training included) is
a wall-clock figure, and these machines are shared and noisy. Each assignment's solved
notebook is graded once to warm the process (zygote, imports, caches), then `--repeat`
times; the median is printed beside the budget, with the share of it spent in student code
and the slowest checks, so a new assignment's cost is seen next to the others'.

The last line is the figures as one JSON object, for scripts.

    python benchmarks/assignment_budgets.py [IDS ...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from autograder import manifest
from autograder.grade import grade_notebook

BUDGET_SECONDS = 15.0


def measure(assignment: manifest.Assignment, repeat: int) -> dict[str, float]:
    """Median wall time of the hidden checks on the solved notebook, and what filled it."""
    notebook = assignment.path("source")
    grade_notebook(notebook, assignment=assignment)
    walls, results = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        results.append(grade_notebook(notebook, assignment=assignment))
        walls.append(time.perf_counter() - started)
    median = statistics.median(walls)
    result = results[min(range(repeat), key=lambda i: abs(walls[i] - median))]
    checks = [c for item in result.items for c in item.checks]
    slowest = sorted(checks, key=lambda c: c.seconds, reverse=True)[:3]
    met = "met" if median <= BUDGET_SECONDS else "NOT met"
    print(f"  {assignment.id:28} {median:6.2f} s  ({median / BUDGET_SECONDS:4.0%} of "
          f"{BUDGET_SECONDS:.0f} s: {met}); score {result.score:g}/{result.max_score:g}; "
          "slowest: " + ", ".join(f"{c.id} {c.seconds:.2f} s" for c in slowest), flush=True)
    return {"seconds": median, "score": result.score, "max_score": result.max_score}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("ids", nargs="*", help="assignments (default: all)")
    args.add_argument("--repeat", type=int, default=3, help="graded runs after the warm-up")
    options = args.parse_args()
    chosen = ([manifest.load(i) for i in options.ids] if options.ids
              else manifest.all_assignments())
    load_before = os.getloadavg()[0]
    print(f"Hidden checks of one solved submission, warm process, median of "
          f"{options.repeat} (budget {BUDGET_SECONDS:.0f} s each; load {load_before:.1f}):")
    figures = {a.id: measure(a, options.repeat) for a in chosen}
    print(json.dumps({"budget_s": BUDGET_SECONDS, "load_before": round(load_before, 2),
                      "load_after": round(os.getloadavg()[0], 2),
                      **{k: {n: round(v, 3) for n, v in f.items()} for k, f in figures.items()}}))


if __name__ == "__main__":
    main()
