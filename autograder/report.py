"""Results as a student or instructor reads them: a table with a hint per failure.

Why text first: the same lines serve the terminal (`autograder check`) and the notebook
(`check("softmax", softmax)`), and they stay readable in a CI log or an e-mail.
"""

from __future__ import annotations

import textwrap

from autograder.results import AssignmentResult, ItemResult

__all__ = ["render", "render_item"]

_WIDTH = 88


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _left_out(points: float) -> str:
    return f" ({points:g} not gradable here)" if points else ""


def render_item(item: ItemResult) -> str:
    checks = [c for c in item.checks if c.gradable]
    passed = sum(c.passed for c in checks)
    mark = "ok" if item.passed and checks else "--"
    lines = [f"{mark:2}  {item.name:28} {item.score:5g} / {item.max_score:<5g} "
             f"{passed}/{len(checks)} checks passed{_left_out(item.not_gradable)}"]
    failed = [c for c in checks if not c.passed]
    if len(failed) > 1 and len({(c.message, c.hint) for c in failed}) == 1:
        # e.g. "not implemented yet" on every check: say it once
        lines.append(_wrap(f"{len(failed)} checks failed: {failed[0].message}", "      "))
        if failed[0].hint:
            lines.append(_wrap(f"hint: {failed[0].hint}", "        "))
        failed = []
    for check in failed:
        lines.append(_wrap(f"{'FORBIDDEN' if check.gate else 'failed'} [{check.id}]: "
                           f"{check.message}", "      "))
        if check.hint:
            lines.append(_wrap(f"hint: {check.hint}", "        "))
    for check in item.checks:
        if not check.gradable:  # its share is out of the score and the maximum
            lines.append(_wrap(f"not gradable here [{check.id}]: "
                               f"{check.message.removeprefix('not gradable here: ')}",
                               "      "))
    return "\n".join(lines)


def render(result: AssignmentResult) -> str:
    scope = "all checks" if result.hidden else "visible checks only (add --hidden for all)"
    lines = [f"{result.assignment}  ·  {result.notebook}  ·  {scope}", ""]
    lines += [render_item(item) for item in result.items]
    if result.problems:
        lines += ["", "Problems with the notebook:"]
        lines += [_wrap(f"- {p}", "  ") for p in result.problems]
    lines += ["", f"Score: {result.score:g} / {result.max_score:g}"
                  + (f" ({result.not_gradable:g} more not gradable here: left out of the "
                     "score and the maximum)" if result.not_gradable else "")]
    return "\n".join(lines)
