"""The class report: how an assignment went for the whole class, for the instructor.

Why: after grading, the instructor's questions are which items the class found hard and
which mistakes were common, not one student's table. Per graded item it counts who earned
full marks and the checks failed most often (each student counted once per check), each
with a typical message, since messages carry each student's own numbers;
a histogram of total scores sits beside it (`scores.png`, drawn with matplotlib's Agg
canvas, no display and no pyplot state). It reads stored records and grades nothing.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from autograder import manifest, store
from autograder.results import ItemResult
from autograder.rich import escape, with_code
from autograder.store import Record

__all__ = ["REPORT", "SCORES", "ItemSummary", "item_summaries", "write"]

REPORT, SCORES = "report.html", "scores.png"
TOP_FAILURES = 3

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 64rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } .meta { color: #666; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
ul { margin: 0; padding-left: 1.1rem; }
li { white-space: pre-wrap; overflow-wrap: anywhere; }
.count { font-weight: 600; }
"""


@dataclass(frozen=True)
class ItemSummary:
    """One graded item across the class."""

    name: str
    points: float
    graded: int                   # students with a result for this item
    full_marks: int               # of whom earned all its points
    mean: float
    # by check: (a typical message, the checks that failed alike, students), most first
    failures: tuple[tuple[str, tuple[str, ...], int], ...]
    not_gradable: int = 0         # students for whom some of its checks were not gradable


def _item_names(assignment: str, records: dict[str, Record]) -> list[tuple[str, float]]:
    """The manifest's items in its order; the records' own if the manifest is gone."""
    try:
        return [(i.name, i.points) for i in manifest.load(assignment).items]
    except manifest.ManifestError:
        first = next(iter(records.values())).result.items
        return [(i.name, i.points) for i in first]


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _shape(message: str) -> str:
    """A message with its numbers blanked: "error 0.3 at [0, 0]" and "error 0.21 at [1, 0]"
    say the same thing about two students."""
    return _NUMBER.sub("#", message)


def _failures(items: list[tuple[str, ItemResult]]) -> tuple[tuple[str, tuple[str, ...], int],
                                                             ...]:
    """The item's most common failures, grouped by check (each student counted once), with
    a typical message: checks that failed for the same students saying the same thing are
    one row (a stub fails every check alike)."""
    by_check: dict[str, list[tuple[str, str]]] = {}
    for student, item in items:
        if not item.checks:
            by_check.setdefault("", []).append(
                (student, "not graded (see the submission's problems)"))
        for check in item.checks:
            if check.gradable and not check.passed:
                by_check.setdefault(check.id, []).append((student, check.message or
                                                          "(no message)"))
    rows: dict[tuple[frozenset[str], str], tuple[list[str], str]] = {}
    for check_id, failed in by_check.items():
        shapes = Counter(_shape(message) for _, message in failed)
        common = shapes.most_common(1)[0][0]
        typical = next(message for _, message in failed if _shape(message) == common)
        key = (frozenset(student for student, _ in failed), common)
        ids, _ = rows.setdefault(key, ([], typical))
        if check_id:
            ids.append(check_id)
    ranked = sorted(rows.items(), key=lambda row: (-len(row[0][0]), row[1][0]))
    return tuple((typical, tuple(ids), len(students))
                 for (students, _), (ids, typical) in ranked[:TOP_FAILURES])


def item_summaries(assignment: str, records: dict[str, Record]) -> list[ItemSummary]:
    summaries = []
    for name, points in _item_names(assignment, records):
        items = [(student, i) for student, r in records.items() for i in r.result.items
                 if i.name == name]
        results = [item for _, item in items]
        summaries.append(ItemSummary(
            name, points, len(results),
            sum(1 for i in results if i.checks and i.score >= i.max_score),
            statistics.fmean(i.score for i in results) if results else 0.0,
            _failures(items), sum(1 for i in results if i.not_gradable)))
    return summaries


def _histogram(scores: list[float], max_score: float, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 3.4), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bins = max(1, min(20, round(max_score)))
    axes.hist(scores, bins=bins, range=(0, max_score or 1), color="#4472c4",
              edgecolor="white")
    axes.set_xlabel(f"total score (out of {max_score:g})")
    axes.set_ylabel("students")
    axes.yaxis.get_major_locator().set_params(integer=True)
    figure.savefig(path, dpi=100)


def _failure_list(summary: ItemSummary) -> str:
    if not summary.failures:
        return "none"
    return "<ul>" + "".join(
        f'<li><span class="count">{n}×</span> {with_code(message)}'
        + (f' <code>[{escape(", ".join(ids))}]</code>' if ids else "") + "</li>"
        for message, ids, n in summary.failures
    ) + "</ul>"


def _not_gradable(summary: ItemSummary) -> str:
    """How many students had checks of this item that could not be graded (no GPU)."""
    if not summary.not_gradable:
        return ""
    return (f"<br><small>{summary.not_gradable} with checks not gradable here, left out "
            "of their maximum</small>")


def _page(assignment: str, title: str, records: dict[str, Record]) -> str:
    scores = [r.result.score for r in records.values()]
    max_score = max(r.result.max_score for r in records.values())
    left_out = max(r.result.not_gradable for r in records.values())
    rows = "".join(
        f"<tr><td><code>{escape(s.name)}</code></td><td class=\"num\">{s.points:g}</td>"
        f"<td class=\"num\">{s.full_marks} / {s.graded}{_not_gradable(s)}</td>"
        f"<td class=\"num\">{s.mean:.2f}</td><td>{_failure_list(s)}</td></tr>"
        for s in item_summaries(assignment, records))
    troubled = {student: r.result.problems for student, r in sorted(records.items())
                if r.result.problems}
    problems = "".join(f"<li><b>{escape(student)}</b>: {escape(found[0])}"
                       + (f" (and {len(found) - 1} more)" if len(found) > 1 else "") + "</li>"
                       for student, found in troubled.items())
    body = [
        f"<h1>{escape(title)}: class report</h1>",
        f'<p class="meta">{len(records)} graded submissions · mean '
        f"{statistics.fmean(scores):.2f}, median {statistics.median(scores):g}, "
        f"lowest {min(scores):g}, highest {max(scores):g} (out of {max_score:g}"
        + (f"; up to {left_out:g} more points were not gradable here and are left out"
           if left_out else "") + ")</p>",
        f'<img src="{SCORES}" alt="histogram of total scores" width="640">',
        "<h2>Graded items</h2><table><tr><th>item</th><th class=\"num\">points</th>"
        "<th class=\"num\">full marks</th><th class=\"num\">mean</th>"
        f"<th>most common failures (students)</th></tr>{rows}</table>",
    ]
    if problems:
        body.append(f"<h2>Notebooks with problems ({len(troubled)})</h2><ul>{problems}</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(assignment)}: class report</title><style>{_STYLE}</style>"
            "</head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def write(course: Path, assignment: str) -> list[Path]:
    """report.html and scores.png under graded/<assignment>/; nothing when nothing is graded."""
    records = store.load(course, assignment)
    if not records:
        return []
    try:
        title = manifest.load(assignment).title
    except manifest.ManifestError:
        title = assignment
    folder = store.results_dir(course, assignment)
    scores = folder / SCORES
    _histogram([r.result.score for r in records.values()],
               max(r.result.max_score for r in records.values()), scores)
    report = folder / REPORT
    report.write_text(_page(assignment, title, records), encoding="utf-8")
    return [report, scores]
