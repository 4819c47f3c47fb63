"""A checked item as a notebook shows it: a small HTML table, with the text for everywhere else.

Why an object with two representations: JupyterLab shows the HTML (each check passed or
failed in colour, the message that says what came back against what was expected, the
hint), while a terminal, `nbconvert --to script` or a CI log get the same plain text as
`autograder check` (`report.render_item`). The HTML is styled inline, not by a `<style>`
sheet, so a notebook's own table styles (right-aligned, striped cells) cannot reach it
and a sanitised (untrusted) output keeps its colours; JupyterLab's theme variables give
it the notebook's fonts, and colours that read on a dark theme too. Everything the
result holds (a message can carry any text, `<script>` included) is escaped; text between
backticks in a message or hint is shown as code.
"""

from __future__ import annotations

import html
import re

from autograder.report import render_item
from autograder.results import CheckResult, ItemResult

__all__ = ["ItemView", "escape", "render_html", "with_code"]

_MUTED = "var(--jp-content-font-color2, #57606a)"
# outcome -> (mark, colour, background tint): green, red, amber
_OUTCOMES = {
    "passed": ("✓ passed", "#1a7f37", "rgba(26, 127, 55, 0.11)"),
    "failed": ("✗ failed", "#cf222e", "rgba(207, 34, 46, 0.09)"),
    "forbidden": ("✗ forbidden", "#cf222e", "rgba(207, 34, 46, 0.09)"),
    "not-gradable": ("– not gradable here", "#9a6700", "rgba(154, 103, 0, 0.11)"),
}
# every element's style, by role (inline, so that no notebook style sheet reaches them)
_STYLES = {
    "box": {"font-family": "var(--jp-content-font-family, system-ui, -apple-system, "
                           "'Segoe UI', sans-serif)",
            "font-size": "13px", "line-height": "1.45", "max-width": "60rem",
            "margin": "0.25em 0"},
    "head": {"display": "flex", "flex-wrap": "wrap", "align-items": "baseline",
             "gap": "0.3em 0.8em", "padding": "0.5em 0.75em",
             "background": "rgba(127, 127, 127, 0.07)", "border-radius": "4px 4px 0 0"},
    "name": {"font-family": "var(--jp-code-font-family, ui-monospace, 'DejaVu Sans Mono', "
                            "monospace)", "font-weight": "600", "font-size": "1.05em"},
    "words": {"font-weight": "600"},
    "points": {"margin-left": "auto", "font-weight": "600", "white-space": "nowrap"},
    "table": {"border-collapse": "collapse", "width": "100%", "margin": "0",
              "font-size": "inherit", "table-layout": "auto"},
    "row": {"background": "transparent"},
    "cell": {"text-align": "left", "vertical-align": "top", "padding": "0.45em 0.75em",
             "border": "none", "border-bottom": "1px solid var(--jp-border-color2, #d8dee4)",
             "background": "transparent", "line-height": "1.45", "white-space": "normal"},
    "mark": {"font-weight": "600", "padding": "0.1em 0.55em", "border-radius": "1em",
             "white-space": "nowrap"},
    "message": {"white-space": "pre-wrap", "overflow-wrap": "anywhere"},
    "note": {"color": _MUTED, "margin-top": "0.2em"},
    "what": {"color": _MUTED},
    "later": {"color": _MUTED, "font-size": "0.92em", "padding": "0.45em 0.75em 0"},
    "code": {"font-family": "var(--jp-code-font-family, ui-monospace, 'DejaVu Sans Mono', "
                            "monospace)", "font-size": "0.92em", "padding": "0 0.25em",
             "border-radius": "3px", "background": "rgba(127, 127, 127, 0.14)"},
}
_CODE = re.compile(r"`([^`\n]+)`")


def _style(role: str, **more: str) -> str:
    """The `style="..."` attribute of a role, with `more` rules (`border_left=...`) added."""
    rules = {**_STYLES[role], **{k.replace("_", "-"): v for k, v in more.items()}}
    return 'style="' + "; ".join(f"{k}: {v}" for k, v in rules.items()) + '"'


def escape(text: object) -> str:
    """Any value as HTML text, quotes included: pages are built from strings."""
    return html.escape(str(text), quote=True)


def with_code(text: object, attributes: str = "") -> str:
    """Escaped, with each span between backticks as `<code>`: messages name code that way
    ("your `softmax` cell"), and a page should show code, not backticks."""
    opening = f"<code {attributes}>" if attributes else "<code>"
    return _CODE.sub(lambda m: f"{opening}{m.group(1)}</code>", escape(text))


def _text(text: str) -> str:
    """Escaped, with `code` between backticks in the notebook's code font."""
    return with_code(text, _style("code"))


def _outcome(check: CheckResult) -> str:
    if not check.gradable:
        return "not-gradable"
    if check.passed:
        return "passed"
    return "forbidden" if check.gate else "failed"


def _label(check: CheckResult) -> str:
    """The check's id read as words, without its item's name: `softmax_large_logits` ->
    "large logits"; the id itself is in the row's tooltip and in the text version."""
    words = check.id.removeprefix(f"{check.item}_") if check.id != check.item else check.id
    return words.replace("_", " ")


def _mark(outcome: str) -> str:
    mark, colour, tint = _OUTCOMES[outcome]
    return f"<span {_style('mark', color=colour, background=tint)}>{mark}</span>"


def _detail(check: CheckResult, share: float) -> str:
    """What to read about one check: why it failed and the hint; else what it checks."""
    outcome = _outcome(check)
    if outcome == "passed":
        return f"<div {_style('what')}>{_text(check.hint)}</div>" if check.hint else ""
    if outcome == "not-gradable":
        reason = check.message.removeprefix("not gradable here: ")
        return (f"<div {_style('message')}>{_text(reason)}</div><div {_style('note')}>"
                f"Its {share:.3g} points are left out of the score and the maximum "
                "here.</div>")
    note = "<b>A forbidden call zeroes the whole item:</b> " if outcome == "forbidden" else ""
    parts = [f"<div {_style('message')}>{note}{_text(check.message or 'failed')}</div>"]
    if check.hint:
        parts.append(f"<div {_style('note')}><b>Hint:</b> {_text(check.hint)}</div>")
    return "".join(parts)


def _row(outcome: str, label: str, ids: str, detail: str) -> str:
    narrow = _style("cell", width="1%", white_space="nowrap")  # as wide as their words
    return (f'<tr data-check="{escape(ids)}" data-outcome="{outcome}" {_style("row")}>'
            f"<td {narrow}>{_mark(outcome)}</td>"
            f'<td {narrow} title="{escape(ids)}">{escape(label)}</td>'
            f"<td {_style('cell')}>{detail}</td></tr>")


def _rows(item: ItemResult) -> list[str]:
    """One row per check; checks that failed alike ("not implemented yet") share one row."""
    failed = [c for c in item.checks if c.gradable and not c.passed]
    alike = len(failed) > 1 and len({(c.message, c.hint, c.gate) for c in failed}) == 1
    rows = []
    for check in item.checks:
        if alike and check in failed:
            if check is failed[0]:
                label = (f"all {len(failed)} checks" if len(failed) == len(item.checks)
                         else f"{len(failed)} checks")
                rows.append(_row(_outcome(check), label, " ".join(c.id for c in failed),
                                 _detail(check, item.share)))
            continue
        rows.append(_row(_outcome(check), _label(check), check.id, _detail(check, item.share)))
    return rows


def _summary(item: ItemResult, hidden: bool) -> tuple[str, str]:
    """(the header's words, their colour): how many of the checks passed."""
    gradable = [c for c in item.checks if c.gradable]
    passed = sum(c.passed for c in gradable)
    scope = "" if hidden else "visible "
    if not gradable:
        return "no check could be graded here", _OUTCOMES["not-gradable"][1]
    if passed == len(gradable):
        words = (f"all {len(gradable)} {scope}checks passed" if len(gradable) > 1
                 else f"its {scope}check passed")
        return words, _OUTCOMES["passed"][1]
    return f"{passed} of {len(gradable)} {scope}checks passed", _OUTCOMES["failed"][1]


def render_html(item: ItemResult, *, hidden: bool = False) -> str:
    """The item's checks as one self-contained block of HTML (inline styles only)."""
    words, colour = _summary(item, hidden)
    left_out = f" ({item.not_gradable:g} not gradable here)" if item.not_gradable else ""
    head = (f"<div {_style('head', border_left=f'4px solid {colour}')}>"
            f"<code {_style('name')}>{escape(item.name)}</code>"
            f"<span {_style('words', color=colour)}>{escape(words)}</span>"
            f'<span class="autograder-points" {_style("points")}>'
            f"{item.score:g} / {item.max_score:g} points{escape(left_out)}</span></div>")
    table = (f'<table class="autograder-checks" {_style("table")}><tbody>'
             f"{''.join(_rows(item))}</tbody></table>")
    later = "" if hidden else (f"<div {_style('later')}>Only the visible checks ran here; "
                               "the hidden checks run when your notebook is graded.</div>")
    return (f'<div class="autograder-check" data-item="{escape(item.name)}" {_style("box")}>'
            f"{head}{table}{later}</div>")


class ItemView:
    """What `check(...)` displays: HTML in a notebook, the report's text anywhere else."""

    def __init__(self, item: ItemResult, *, hidden: bool = False) -> None:
        self.item, self.hidden = item, hidden

    @property
    def text(self) -> str:
        scope = "all checks" if self.hidden else "visible checks"
        return f"{self.item.name}: {scope}\n{render_item(self.item)}"

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return render_html(self.item, hidden=self.hidden)
