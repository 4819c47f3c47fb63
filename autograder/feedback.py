"""Feedback pages: one HTML file per student and assignment, readable on its own.

Why a page per student: it is what an instructor hands back (e-mail, LMS upload), so it
carries its own CSS and nothing else to fetch. It shows what the grader concluded,
never how: for a hidden check only its id, verdict, message and hint, marked hidden;
the checks' code and inputs stay with the instructor. Everything a submission produced
(an error message can hold any text, `<script>` included) is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from autograder import manifest, store
from autograder.results import AssignmentResult, CheckResult, ItemResult
from autograder.rich import escape, with_code
from autograder.store import Record

__all__ = ["FOLDER", "page", "page_path", "write_pages"]

FOLDER = "feedback"

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.meta { color: #666; margin-top: 0; }
.total { font-size: 1.25rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
section.item { border-left: 4px solid #c62828; padding: .1rem 0 .1rem .9rem;
               margin: 1.2rem 0; }
section.item.full { border-color: #2e7d32; }
section.item h2 { font-size: 1.05rem; margin: .3rem 0; }
ul.checks { list-style: none; padding: 0; margin: 0; }
ul.checks li { margin: .35rem 0; }
.mark { display: inline-block; min-width: 4.2rem; font-weight: 600; }
.pass { color: #2e7d32; } .fail { color: #c62828; } .skip { color: #8a6d00; }
.badge { font-size: .75rem; background: #eee; border-radius: .6rem; padding: 0 .45rem;
         margin-left: .3rem; color: #555; }
.message, .hint, .problems li { white-space: pre-wrap; overflow-wrap: anywhere; }
.message { margin: .15rem 0 0 4.5rem; }
.hint { margin: .15rem 0 0 4.5rem; color: #444; }
.hint::before { content: "Hint: "; font-weight: 600; }
.problems { background: #fff4e5; border: 1px solid #f0c36d; padding: .5rem 1rem; }
"""


def page_path(course: Path, assignment: str, student: str) -> Path:
    return store.results_dir(course, assignment) / FOLDER / f"{student}.html"


def _name(check: CheckResult) -> str:
    badge = "" if check.visible else '<span class="badge">hidden check</span>'
    return f"<code>{escape(check.id)}</code>{badge}"


def _of(item: ItemResult) -> str:
    """`score / max`, and the points not gradable here when there are some."""
    left_out = f" (+ {item.not_gradable:g} not gradable here)" if item.not_gradable else ""
    return f"{item.score:g} / {item.max_score:g}{left_out}"


def _check_line(check: CheckResult, alike: Iterable[CheckResult] = (),
                share: float = 0.0) -> str:
    """One check (or several that failed alike), its verdict, and for a failure why."""
    if not check.gradable:
        mark, css = "n/a", "skip"
    elif check.passed:
        mark, css = "passed", "pass"
    else:
        mark, css = ("forbidden", "fail") if check.gate else ("failed", "fail")
    names = ", ".join(_name(c) for c in (alike or (check,)))
    parts = [f'<li><span class="mark {css}">{mark}</span> {names}']
    if not check.gradable:
        reason = check.message.removeprefix("not gradable here: ")
        parts.append(f'<div class="message">not gradable here: {escape(reason)}; its '
                     f"{share:.3g} points are left out of the score and the maximum</div>")
    elif not check.passed:
        note = "a forbidden call zeroes the whole item: " if check.gate else ""
        parts.append(f'<div class="message">{escape(note)}{with_code(check.message)}</div>')
        if check.hint:
            parts.append(f'<div class="hint">{with_code(check.hint)}</div>')
    return "".join(parts) + "</li>"


def _item_section(item: ItemResult) -> str:
    full = item.checks and item.score >= item.max_score
    head = (f'<section class="item{" full" if full else ""}" id="{escape(item.name)}">'
            f"<h2><code>{escape(item.name)}</code>: {_of(item)}</h2>")
    if not item.checks:
        return head + '<p class="message">Not graded: see the problems above.</p></section>'
    failed = [c for c in item.checks if not c.passed and c.gradable]
    alike = len(failed) > 1 and len({(c.message, c.hint, c.gate) for c in failed}) == 1
    lines = []
    for check in item.checks:
        if alike and check is failed[0]:  # "not implemented yet" on every check: say it once
            lines.append(_check_line(check, failed))
        elif check.passed or not alike or not check.gradable:
            lines.append(_check_line(check, share=item.share))
    return head + '<ul class="checks">' + "".join(lines) + "</ul></section>"


def _problems(result: AssignmentResult) -> str:
    """Cells that did not run, and what else was wrong with the notebook file."""
    failed_cells = [c for c in result.cells if not c.ok]
    said = {f"{c.label} failed: {c.message}" for c in failed_cells}
    others = [p for p in result.problems if p not in said]
    parts = []
    if others:
        parts.append("<h2>Problems with the notebook</h2><ul class=\"problems\">"
                     + "".join(f"<li>{escape(p)}</li>" for p in others) + "</ul>")
    if failed_cells:
        rows = "".join(f"<tr><td>{escape(c.label)}</td><td class=\"message\">{escape(c.message)}"
                       "</td></tr>" for c in failed_cells)
        parts.append("<h2>Cells that failed to run</h2><table><tr><th>cell</th>"
                     f"<th>error</th></tr>{rows}</table>")
    return "".join(parts)


def page(record: Record, title: str = "") -> str:
    """The whole page for one student's graded submission, as HTML text."""
    result = record.result
    scope = "all checks, hidden ones included" if result.hidden else "visible checks only"
    summary = "".join(
        f'<tr><td><a href="#{escape(i.name)}"><code>{escape(i.name)}</code></a></td>'
        f'<td class="num">{_of(i)}</td>'
        f'<td class="num">{sum(c.passed for c in i.checks if c.gradable)} / '
        f'{sum(c.gradable for c in i.checks)}</td></tr>' for i in result.items)
    when = f" · graded {escape(record.graded_at)}" if record.graded_at else ""
    body = [
        f"<h1>{escape(title or result.assignment)}</h1>",
        f'<p class="meta">{escape(record.student)} · {escape(result.assignment)}{when} · '
        f"{scope}</p>",
        f'<p class="total">Score: {result.score:g} / {result.max_score:g}'
        + (f" ({result.not_gradable:g} more not gradable here: left out of the score and "
           "the maximum)" if result.not_gradable else "") + "</p>",
        _problems(result),
        '<table><tr><th>graded item</th><th class="num">points</th>'
        f'<th class="num">checks passed</th></tr>{summary}</table>',
        *(_item_section(item) for item in result.items),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(record.student)}: {escape(result.assignment)}</title>"
            f"<style>{_STYLE}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")


def write_pages(course: Path, assignment: str) -> list[Path]:
    """A page for every graded record of `assignment`, under graded/<assignment>/feedback/."""
    try:
        title = manifest.load(assignment).title
    except manifest.ManifestError:
        title = assignment
    written = []
    for student, record in store.load(course, assignment).items():
        path = page_path(course, assignment, student)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(record, title), encoding="utf-8")
        written.append(path)
    return written
