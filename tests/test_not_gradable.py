"""Is a check that cannot run here (a GPU timing check without a GPU) "not gradable here":
its share out of both the score and the maximum, and said so in every view?"""

from __future__ import annotations

import csv

import pytest
import torch
from nbgrader.api import Gradebook

from autograder import classreport, export, feedback, manifest, store
from autograder.grade import grade_notebook
from autograder.gradebook import NOT_GRADABLE_NOTE, GradebookWriter
from autograder.gradescope import results_json
from autograder.report import render
from autograder.results import AssignmentResult, CheckResult, ItemResult
from autograder.store import Record

GPU = manifest.load("10-gpu")
LINEAR = manifest.load("01-linear-regression")


def timing_item(points: float = 2.0, values_score: float = 1.0) -> ItemResult:
    """An item of four checks, the last one not gradable here: worth 3/4 of its points."""
    checks = (CheckResult("values", "batched_matmul", values_score == 1.0, values_score,
                          "" if values_score == 1.0 else "differs"),
              CheckResult("dtype", "batched_matmul", True, 1.0),
              CheckResult("no_loop", "batched_matmul", True, 1.0),
              CheckResult("gpu_speed", "batched_matmul", False, 0.0,
                          "not gradable here: no GPU on the grading machine", gradable=False),
              CheckResult("no_library", "batched_matmul", True, 1.0, gate=True))
    return ItemResult("batched_matmul", points, checks)


def gpu_result(values_score: float = 1.0) -> AssignmentResult:
    other = ItemResult("try_gpu", 1.0, (CheckResult("device", "try_gpu", True, 1.0),))
    return AssignmentResult(GPU.id, "nb.ipynb", (other, timing_item(2.0, values_score)), True)


def test_the_share_leaves_the_score_and_the_maximum():
    """Does a not-gradable check take its share (points / scored checks) out of the
    item's maximum and score, and out of the submission's, gates not counted?"""
    item = timing_item()
    assert (item.points, item.max_score, item.not_gradable, item.score) == (2.0, 1.5, 0.5, 1.5)
    assert item.passed
    half = timing_item(values_score=0.5)
    assert half.score == pytest.approx(1.5 * 2.5 / 3, abs=0.01)
    result = gpu_result()
    assert (result.score, result.max_score, result.not_gradable) == (2.5, 2.5, 0.5)


def test_all_gradable_is_as_before():
    """With every check gradable, are an item's maximum and score what they always were?"""
    checks = (CheckResult("a", "x", True, 1.0), CheckResult("b", "x", False, 0.5))
    item = ItemResult("x", 2.0, checks)
    assert (item.max_score, item.not_gradable, item.score) == (2.0, 0.0, 1.5)
    assert ItemResult("x", 2.0).max_score == 2.0  # nothing ran: the manifest's points


def test_records_keep_the_points_and_read_old_ones():
    """Does a result round-trip through plain data with its points, and does a record
    written before "points" existed read its max_score as the points?"""
    result = gpu_result()
    again = AssignmentResult.from_dict(result.to_dict())
    assert again.item("batched_matmul").points == 2.0
    assert (again.score, again.max_score, again.not_gradable) == (2.5, 2.5, 0.5)
    old = timing_item().to_dict()
    del old["points"]
    old["max_score"] = 2.0
    assert ItemResult.from_dict(old).points == 2.0


def test_the_text_report_says_so():
    """Does the text report show the item's gradable maximum, the points left out, and
    the check as not gradable here (not as a failure)?"""
    text = render(gpu_result())
    assert "1.5 / 1.5" in text and "(0.5 not gradable here)" in text
    assert "not gradable here [gpu_speed]: no GPU on the grading machine" in text
    assert "failed [gpu_speed]" not in text
    assert "Score: 2.5 / 2.5 (0.5 more not gradable here" in text


def test_the_feedback_page_says_so():
    """Does the feedback page mark the check n/a, say its points are left out, and give
    the gradable total?"""
    html = feedback.page(Record("ada", GPU.id, gpu_result(), "f"))
    assert "Score: 2.5 / 2.5" in html and "0.5 more not gradable here" in html
    assert '<span class="mark skip">n/a</span>' in html
    assert "its 0.5 points are left out of the score and the maximum" in html
    assert "1.5 / 1.5 (+ 0.5 not gradable here)" in html


def test_the_class_report_says_so():
    """Does the class report count who had checks not gradable, and count an item's full
    marks against what could be graded?"""
    records = {"ada": Record("ada", GPU.id, gpu_result(), "f"),
               "ben": Record("ben", GPU.id, gpu_result(values_score=0.0), "f")}
    summary = {s.name: s for s in classreport.item_summaries(GPU.id, records)}
    assert summary["batched_matmul"].not_gradable == 2
    assert summary["batched_matmul"].full_marks == 1
    page = classreport._page(GPU.id, GPU.title, records)
    assert "2 with checks not gradable here" in page
    assert "0.5 more points were not gradable here" in page


def test_csv_and_gradescope_say_so(tmp_path):
    """Does the CSV give the gradable maximum and a column of points not gradable, and
    Gradescope a test worth nothing for the check, the total out of what ran?"""
    store.save(tmp_path, Record("ada", GPU.id, gpu_result(), "f"))
    with export.write_csv(tmp_path, GPU.id, tmp_path / "g.csv").open() as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["max"] == "2.5" and rows[0]["not gradable"] == "0.5"
    assert rows[0]["batched_matmul"] == "1.5"
    data = results_json(gpu_result())
    tests = {t["name"]: t for t in data["tests"]}
    speed = tests["batched_matmul: gpu_speed"]
    assert speed["max_score"] == 0.0 and "status" not in speed
    assert "left out of the score and the maximum" in speed["output"]
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(2.5)
    assert data["score"] == 2.5 and "0.5 more not gradable here" in data["output"]


def test_a_csv_without_gpu_checks_keeps_its_columns(tmp_path):
    """Does an assignment with no GPU checks keep the columns it always had?"""
    result = AssignmentResult(LINEAR.id, "nb.ipynb", (ItemResult("sgd", 2.0, (
        CheckResult("a", "sgd", True, 1.0),)),), True)
    store.save(tmp_path, Record("ada", LINEAR.id, result, "f"))
    with export.write_csv(tmp_path, LINEAR.id, tmp_path / "g.csv").open() as stream:
        header = next(csv.reader(stream))
    assert "not gradable" not in header


def test_the_gradebook_flags_the_cell_for_manual_grading(tmp_path):
    """Does nbgrader's cell (whose maximum is fixed) get the score of the gradable part,
    unscaled, flagged for manual grading with a comment that says what is missing, and
    lose the flag's comment once everything could be graded?"""
    from autograder.demo import release

    course = tmp_path / "course"
    release(LINEAR, course)
    sgd = ItemResult("sgd", 2.0, (CheckResult("a", "sgd", True, 1.0),
                                  CheckResult("timing", "sgd", False, 0.0, "no GPU",
                                              gradable=False)))
    partly = AssignmentResult(LINEAR.id, "nb.ipynb", (sgd,), True)
    with GradebookWriter(course, LINEAR.id) as writer:
        assert writer.write(Record("gus", LINEAR.id, partly, "f"))
        assert not writer.write(Record("gus", LINEAR.id, partly, "f"))  # nothing to change
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        grade = gradebook.find_grade("check_sgd", LINEAR.id, LINEAR.id, "gus")
        assert grade.auto_score == 1.0 and grade.max_score == 2.0
        assert grade.needs_manual_grade
        comment = gradebook.find_comment("sgd", LINEAR.id, LINEAR.id, "gus")
        assert comment.auto_comment.startswith(NOT_GRADABLE_NOTE)
        assert "1 of this item's 2 points (timing)" in comment.auto_comment
    whole = AssignmentResult(LINEAR.id, "nb.ipynb", (ItemResult("sgd", 2.0, (
        CheckResult("a", "sgd", True, 1.0), CheckResult("timing", "sgd", True, 1.0))),), True)
    with GradebookWriter(course, LINEAR.id) as writer:
        writer.write(Record("gus", LINEAR.id, whole, "f"))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert gradebook.find_grade("check_sgd", LINEAR.id, LINEAR.id, "gus").auto_score == 2.0
        assert gradebook.find_comment("sgd", LINEAR.id, LINEAR.id, "gus").auto_comment is None


@pytest.mark.skipif(torch.cuda.is_available(), reason="on a GPU machine the checks run")
def test_10_gpu_on_a_machine_without_a_gpu():
    """Graded here, are 10-gpu's GPU timing checks not gradable (never a zero), their
    points out of the maximum, and everything else graded?"""
    result = grade_notebook(GPU.path("source"), hidden=True, items=("batched_matmul",
                                                                    "train_step"))
    left_out = {c.id for i in result.items for c in i.checks if not c.gradable}
    assert {"batched_matmul_gpu_speed", "train_step_gpu_speed"} <= left_out
    # the CPU timing is gradable here, unless this machine is too busy to tell a loop apart
    assert left_out <= {"batched_matmul_gpu_speed", "train_step_gpu_speed",
                        "batched_matmul_cpu_speed"}
    assert all(c.message.startswith("not gradable here: ") for i in result.items
               for c in i.checks if not c.gradable)
    assert result.score == result.max_score == 6 - result.not_gradable
