"""Do feedback pages show every item and why it failed, escaped, hiding how hidden checks work?"""

import re

import pytest

from autograder import feedback, manifest, store
from autograder.grade import grade_notebook
from autograder.results import AssignmentResult, CheckResult, ItemResult
from autograder.store import Record
from autograder.student import CellOutcome
from tests.conftest import MUTANTS, notebook_with

LINREG = manifest.load("01-linear-regression")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course with three graded students: all right, one item wrong, the stub untouched."""
    folder = tmp_path_factory.mktemp("course")
    wrong = (MUTANTS / LINREG.id / "sgd__no_divide_by_batch_size.py").read_text()
    notebooks = {"ada": LINREG.path("source"), "dee": LINREG.path("release"),
                 "ben": notebook_with(LINREG.id, {"sgd": wrong}, folder / "ben.ipynb")}
    for student, notebook in notebooks.items():
        result = grade_notebook(notebook, assignment=LINREG, hidden=True)
        store.save(folder, Record(student, LINREG.id, result, store.fingerprint(notebook)))
    return folder


@pytest.fixture(scope="module")
def pages(course):
    paths = feedback.write_pages(course, LINREG.id)
    return {p.stem: p.read_text(encoding="utf-8") for p in paths}


def test_one_page_per_student_where_documented(course):
    """Is there a page for each graded student under graded/<assignment>/feedback/?"""
    paths = feedback.write_pages(course, LINREG.id)
    folder = course / "graded" / LINREG.id / "feedback"
    assert sorted(paths) == [folder / f"{s}.html" for s in ("ada", "ben", "dee")]


def test_pages_stand_alone(pages):
    """Does a page load nothing from elsewhere: inline CSS, no scripts, links or images?"""
    for text in pages.values():
        assert text.startswith("<!DOCTYPE html>") and "<style>" in text
        assert not re.search(r"<script|<link|<img|src=|https?://", text)


def test_every_item_with_its_score(pages):
    """Does each page list every graded item with its points, and the total?"""
    assert "Score: 10 / 10" in pages["ada"] and "Score: 0 / 10" in pages["dee"]
    for item in LINREG.items:
        assert f"<code>{item.name}</code>: {item.points:g} / {item.points:g}" \
            in pages["ada"]
        assert f"<code>{item.name}</code>: 0 / {item.points:g}" in pages["dee"]


def test_failures_say_why_with_a_hint(pages):
    """Does a failed item show the grader's message and hint, and passed items no hint?"""
    ben = pages["ben"]
    sgd = ben[ben.index('id="sgd"'):]
    sgd = sgd[:sgd.index("</section>")]
    assert "failed" in sgd and "batch_size" in sgd and 'class="hint"' in sgd
    assert 'class="hint"' not in pages["ada"]
    assert "not implemented yet" in pages["dee"]
    assert "Replace <code>raise NotImplementedError()</code>" in pages["dee"]


def test_hidden_checks_marked_and_their_code_never_shown(course, pages):
    """Are hidden checks labelled hidden, with no line of the hidden checks' code on the page?"""
    stored = store.load(course, LINREG.id)["ada"].result
    hidden_ids = [c.id for item in stored.items for c in item.checks if not c.visible]
    visible_ids = [c.id for item in stored.items for c in item.checks if c.visible]
    assert hidden_ids and visible_ids
    code = (LINREG.path("checks") / "test_hidden.py").read_text()
    lines = [line.strip() for line in code.splitlines()
             if len(line.strip()) > 25 and not line.strip().startswith(('"""', "#"))]
    for text in pages.values():
        assert "def test_" not in text
        assert not [line for line in lines if line in text]
    for student, text in pages.items():
        for check_id in hidden_ids:
            assert f'<code>{check_id}</code><span class="badge">hidden check' in text, \
                (student, check_id)
        for check_id in visible_ids:
            assert f"<code>{check_id}</code>" in text
            assert f'<code>{check_id}</code><span class="badge">' not in text


def _record(message: str, **changes) -> Record:
    check = CheckResult("softmax_values", "softmax", False, 0.0, message,
                        hint="a <b>bold</b> & \"quoted\" hint", visible=False)
    result = AssignmentResult("03-softmax-regression", "nb.ipynb",
                              (ItemResult("softmax", 3.0, (check,)),), True, **changes)
    return Record("eve", "03-softmax-regression", result, "f")


def test_student_text_is_escaped():
    """Is `<script>` in a message (student code can raise anything) shown as text, not run?"""
    cell = CellOutcome("cell 4 (softmax)", False, "NameError: <img src=x onerror=alert(1)>")
    text = feedback.page(_record("ValueError: <script>alert('x')</script>", cells=(cell,),
                                 problems=("cell 4 (softmax) failed: <b>", "<i>deleted</i>")))
    assert "<script>" not in text and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;i&gt;deleted&lt;/i&gt;" in text
    assert "a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; hint" in text


def test_code_in_a_message_is_shown_as_code():
    """Does "your `softmax` cell" show `softmax` as code, with the span's text still escaped?"""
    text = feedback.page(_record("softmax is not implemented yet (your `softmax` cell, line 8: "
                                 "`x<y`)"))
    assert "your <code>softmax</code> cell" in text and "<code>x&lt;y</code>" in text
    assert "`" not in text.split("<body", 1)[1]


def test_cell_failures_and_problems_listed_once():
    """Are failed cells listed with their error, and other problems apart, each once?"""
    cell = CellOutcome("cell 4 (softmax)", False, "SyntaxError: invalid syntax")
    problems = ("cell 4 (softmax) failed: SyntaxError: invalid syntax",
                "graded cells missing (deleted?): accuracy")
    text = feedback.page(_record("softmax is not defined", cells=(cell,), problems=problems))
    assert "Cells that failed to run" in text and "SyntaxError: invalid syntax" in text
    assert text.count("SyntaxError: invalid syntax") == 1
    assert "Problems with the notebook" in text and "graded cells missing" in text


def test_ungraded_item_says_so():
    """Does an item with no check results (notebook unreadable) say it was not graded?"""
    result = AssignmentResult("03-softmax-regression", "", (ItemResult("softmax", 3.0),), True,
                              problems=("nb.ipynb is not valid notebook JSON",))
    text = feedback.page(Record("eve", "03-softmax-regression", result, "f"))
    assert "Not graded" in text and "not valid notebook JSON" in text
    assert "<code>softmax</code>: 0 / 3" in text
