"""Exports of stored grades: a CSV gradebook, and Gradescope's results.json per student.

Why from the store: grading writes one record per student (`autograder.store`); every
export reads those records, so the CSV, Gradescope, the feedback pages and the class
report agree to the last point, and none of them grades anything again. Columns follow
the manifest's item order, so a sheet keeps its shape from one run to the next.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from autograder import manifest, store
from autograder.gradescope import results_json

__all__ = ["write_csv", "write_gradescope"]


def _points(value: float) -> str:
    return f"{value:g}"


def write_csv(course: Path, assignment: str, path: Path) -> Path:
    """One row per student: student, score, max, then each graded item's score.

    `max` is what could be graded here; an assignment with GPU checks (or any record with
    checks not gradable here) gets a last column, `not gradable`, with the points left out
    of both the score and the max, so a sheet never reads them as zeros.
    """
    known = manifest.load(assignment)
    items = [item.name for item in known.items]
    records = store.load(course, assignment)
    left_out = known.gpu or any(r.result.not_gradable for r in records.values())
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "score", "max", *items,
                         *(["not gradable"] if left_out else [])])
        for student, record in sorted(records.items()):
            result = record.result
            scores = {item.name: _points(item.score) for item in result.items}
            writer.writerow([student, _points(result.score), _points(result.max_score),
                             *(scores.get(name, "") for name in items),
                             *([_points(result.not_gradable)] if left_out else [])])
    return path


def write_gradescope(course: Path, assignment: str, folder: Path, *,
                     hidden_visibility: str = "after_published") -> list[Path]:
    """`folder`/<student>/results.json for every graded student, in Gradescope's format."""
    written = []
    for student, record in sorted(store.load(course, assignment).items()):
        target = Path(folder) / student / "results.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = results_json(record.result, hidden_visibility=hidden_visibility)
        target.write_text(json.dumps(data, indent=1, allow_nan=False), encoding="utf-8")
        written.append(target)
    return written
