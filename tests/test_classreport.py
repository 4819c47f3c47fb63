"""Does the class report count who passed each item and the common failures, with a
histogram of total scores, from the stored records alone?"""


import pytest
from matplotlib.image import imread

from autograder import classreport, manifest, store
from autograder.results import AssignmentResult, CheckResult, ItemResult
from autograder.store import Record
from tests.conftest import run_cli, save_right_and_stub

LINREG = manifest.load("01-linear-regression")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """ada is right; dee and eve hand in the stub (the same result, stored twice)."""
    folder = tmp_path_factory.mktemp("course")
    save_right_and_stub(folder, LINREG.id)
    stub = store.load(folder, LINREG.id)["dee"].result
    store.save(folder, Record("eve", LINREG.id, stub, "same"))
    return folder


def test_items_count_full_marks_and_common_failures(course):
    """Per item: 1 of 3 with full marks, and the stub's message counted once per student?"""
    records = store.load(course, LINREG.id)
    summaries = classreport.item_summaries(LINREG.id, records)
    assert [s.name for s in summaries] == [i.name for i in LINREG.items]
    for summary in summaries:
        assert (summary.graded, summary.full_marks) == (3, 1)
        assert summary.mean == pytest.approx(summary.points / 3, abs=0.01)
        message, checks, students = summary.failures[0]
        assert "not implemented yet" in message and students == 2
        failed = {c.id for c in records["dee"].result.item(summary.name).checks if not c.passed}
        assert set(checks) == failed


def test_writes_report_and_histogram(course):
    """Are report.html and scores.png written beside the records, the page showing each
    item's counts and linking the histogram?"""
    paths = classreport.write(course, LINREG.id)
    folder = course / "graded" / LINREG.id
    assert paths == [folder / "report.html", folder / "scores.png"]
    page = paths[0].read_text(encoding="utf-8")
    assert '<img src="scores.png"' in page and "3 graded submissions" in page
    for item in LINREG.items:
        assert f"<code>{item.name}</code>" in page
    assert page.count('<td class="num">1 / 3</td>') == len(LINREG.items)
    assert page.count('<span class="count">2×</span>') >= len(LINREG.items)
    image = imread(paths[1])
    assert image.shape[0] > 200 and image.shape[1] > 400
    assert paths[1].read_bytes().startswith(b"\x89PNG")


def test_failure_messages_are_escaped_and_problems_listed(tmp_path):
    """Is a failure message holding `<script>` shown as text, and a broken notebook named?"""
    check = CheckResult("softmax_values", "softmax", False, 0.0, "<script>alert(1)</script>")
    result = AssignmentResult("03-softmax-regression", "nb.ipynb",
                              (ItemResult("softmax", 3.0, (check,)),), True,
                              problems=("cell 3 failed: <b>oops</b>",))
    store.save(tmp_path, Record("eve", "03-softmax-regression", result, "f"))
    page = classreport.write(tmp_path, "03-softmax-regression")[0].read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Notebooks with problems (1)" in page and "&lt;b&gt;oops&lt;/b&gt;" in page


def test_code_in_a_failure_is_shown_as_code(tmp_path):
    """Does "your `softmax` cell" in a grouped failure show `softmax` as code, not backticks?"""
    check = CheckResult("softmax_values", "softmax", False, 0.0,
                        "softmax is not implemented yet (your `softmax` cell, line 8)")
    result = AssignmentResult("03-softmax-regression", "nb.ipynb",
                              (ItemResult("softmax", 3.0, (check,)),), True)
    store.save(tmp_path, Record("eve", "03-softmax-regression", result, "f"))
    page = classreport.write(tmp_path, "03-softmax-regression")[0].read_text(encoding="utf-8")
    assert "(your <code>softmax</code> cell, line 8)" in page


def test_nothing_graded_writes_nothing(tmp_path):
    """Does an assignment with no records give no files, and the command a clear error?"""
    assert classreport.write(tmp_path, LINREG.id) == []
    assert not (tmp_path / "graded").exists()
    done = run_cli("report", LINREG.id, "--course", str(tmp_path))
    assert done.returncode == 1 and "no graded submissions" in done.stderr


def test_cli_report(course):
    """Does `autograder report` write both files and say where?"""
    done = run_cli("report", LINREG.id, "--course", str(course))
    assert done.returncode == 0, done.stderr
    assert "report.html" in done.stdout and "scores.png" in done.stdout


def test_failures_group_by_check_whatever_numbers_the_messages_carry(tmp_path):
    """Do three students failing one check with their own numbers make one row of 3, with a
    typical message, and a check failed by one student another row?"""
    for student, error in (("ann", 0.3), ("bo", 0.21), ("cal", 1.5e-3)):
        checks = (CheckResult("sgd_updates_in_place", "sgd", False, 0.0,
                              f"w after sgd differs: error {error} at [0, {student == 'bo'}]"),
                  CheckResult("sgd_keeps_leaves", "sgd", student != "cal", 0.0 if student ==
                              "cal" else 1.0, "not a leaf" if student == "cal" else ""))
        result = AssignmentResult(LINREG.id, "nb.ipynb", (ItemResult("sgd", 2.0, checks),), True)
        store.save(tmp_path, Record(student, LINREG.id, result, student))
    summary = next(s for s in classreport.item_summaries(LINREG.id, store.load(tmp_path,
                                                                                LINREG.id))
                   if s.name == "sgd")
    assert [(ids, n) for _, ids, n in summary.failures] == [(("sgd_updates_in_place",), 3),
                                                             (("sgd_keeps_leaves",), 1)]
    assert summary.failures[0][0].startswith("w after sgd differs: error ")
