"""Do the CSV and Gradescope exports say what the stored records say, in their formats?"""

import csv
import json

import pytest

from autograder import export, manifest, store
from autograder.gradescope import not_graded, results_json
from autograder.results import AssignmentResult, CheckResult, ItemResult
from autograder.store import Record
from tests.conftest import run_cli, save_right_and_stub

LINREG = manifest.load("01-linear-regression")
ITEMS = [item.name for item in LINREG.items]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """ada's notebook is right, dee's is the stub, cy's could not be read at all."""
    folder = tmp_path_factory.mktemp("course")
    save_right_and_stub(folder, LINREG.id)
    broken = not_graded(LINREG, "cy.ipynb is not valid notebook JSON")
    store.save(folder, Record("cy", LINREG.id, broken, "missing"))
    return folder


def read_csv(path):
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def test_csv_one_row_per_student_columns_in_manifest_order(course, tmp_path):
    """Is the header student, score, max, then the manifest's items; a row per student?"""
    rows = read_csv(export.write_csv(course, LINREG.id, tmp_path / "grades.csv"))
    assert rows[0] == ["student", "score", "max", *ITEMS]
    by_student = {row[0]: row for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == ["ada", "cy", "dee"]
    assert by_student["ada"] == ["ada", "10", "10", *(f"{i.points:g}" for i in LINREG.items)]
    assert by_student["dee"] == ["dee", "0", "10", *("0" for _ in ITEMS)]
    assert by_student["cy"][1:3] == ["0", "10"]


def test_csv_column_order_is_the_manifests_not_the_records(tmp_path):
    """Does a record whose items come in another order, or lack one, keep the columns?"""
    items = tuple(ItemResult(name, 1.0, (CheckResult("c", name, True, 1.0),))
                  for name in reversed(ITEMS[1:]))
    result = AssignmentResult(LINREG.id, "nb.ipynb", items, True)
    store.save(tmp_path, Record("eve", LINREG.id, result, "f"))
    rows = read_csv(export.write_csv(tmp_path, LINREG.id, tmp_path / "out.csv"))
    assert rows[0][3:] == ITEMS
    assert rows[1][3:] == ["", *("1" for _ in ITEMS[1:])]


def test_gradescope_one_results_json_per_student(course, tmp_path):
    """Is there DIR/<student>/results.json for each, with the stored score?"""
    paths = export.write_gradescope(course, LINREG.id, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in paths) == [
        f"{s}/results.json" for s in ("ada", "cy", "dee")]
    scores = {p.parent.name: json.loads(p.read_text())["score"] for p in paths}
    assert scores == {"ada": 10.0, "cy": 0.0, "dee": 0.0}


@pytest.mark.parametrize("hidden_visibility", ["after_published", "hidden"])
def test_gradescope_tests_and_their_visibility(course, hidden_visibility):
    """Does each check become a test with name, score, max_score, output and visibility,
    hidden checks as asked, visible ones "visible", adding up to the item's points?"""
    record = store.load(course, LINREG.id)["ada"]
    data = results_json(record.result, hidden_visibility=hidden_visibility)
    checks = {f"{i.name}: {c.id}": c for i in record.result.items for c in i.checks}
    assert [t["name"] for t in data["tests"]] == list(checks)
    for test in data["tests"]:
        assert {"name", "score", "max_score", "output", "visibility"} <= set(test)
        expected = "visible" if checks[test["name"]].visible else hidden_visibility
        assert test["visibility"] == expected
    assert {t["visibility"] for t in data["tests"]} == {"visible", hidden_visibility}
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(LINREG.max_score)
    assert sum(t["score"] for t in data["tests"]) == pytest.approx(data["score"], abs=1e-3)
    json.dumps(data, allow_nan=False)


def test_gradescope_failure_output_and_a_forbidden_call():
    """Does a failed check's output hold the message and hint, and a forbidden call zero
    every test of its item, as the grader zeroes the item?"""
    checks = (CheckResult("sgd_updates_in_place", "sgd", True, 1.0),
              CheckResult("sgd_many_params", "sgd", False, 0.5, "got 2.8, expected 2.2",
                          "divide by batch_size", visible=False),
              CheckResult("sgd_no_torch_optim", "sgd", False, 0.0, "calls torch.optim.SGD",
                          "by hand", visible=False, gate=True))
    result = AssignmentResult(LINREG.id, "nb.ipynb", (ItemResult("sgd", 2.0, checks),), True,
                              problems=("cell 9 failed: NameError",))
    data = results_json(result)
    assert data["score"] == 0.0 and "cell 9 failed: NameError" in data["output"]
    tests = {t["name"]: t for t in data["tests"]}
    assert all(t["score"] == 0.0 for t in tests.values())
    assert tests["sgd: sgd_many_params"]["max_score"] == 1.0
    assert tests["sgd: sgd_no_torch_optim"]["max_score"] == 0.0
    assert "got 2.8, expected 2.2" in tests["sgd: sgd_many_params"]["output"]
    assert "Hint: divide by batch_size" in tests["sgd: sgd_many_params"]["output"]
    assert "FORBIDDEN" in tests["sgd: sgd_no_torch_optim"]["output"]
    allowed = ItemResult("sgd", 2.0, checks[:2])
    partial = results_json(AssignmentResult(LINREG.id, "nb.ipynb", (allowed,), True))
    assert [t["score"] for t in partial["tests"]] == [1.0, 0.5]


def test_gradescope_unreadable_notebook_still_lists_every_item(course):
    """Does a record with no checks (notebook unreadable) give one zero test per item?"""
    data = results_json(store.load(course, LINREG.id)["cy"].result)
    assert [t["name"] for t in data["tests"]] == ITEMS
    assert [t["max_score"] for t in data["tests"]] == [i.points for i in LINREG.items]
    assert "not valid notebook JSON" in data["output"]


def test_cli_export_and_its_errors(course, tmp_path):
    """Does `autograder export` write both exports, and refuse clearly with nothing graded?"""
    done = run_cli("export", LINREG.id, "--course", str(course), "--csv",
                   str(tmp_path / "g.csv"), "--gradescope", str(tmp_path / "gs"))
    assert done.returncode == 0, done.stderr
    assert read_csv(tmp_path / "g.csv")[0][:3] == ["student", "score", "max"]
    assert (tmp_path / "gs" / "ada" / "results.json").exists()
    empty = run_cli("export", LINREG.id, "--course", str(tmp_path / "none"), "--csv", "x.csv")
    assert empty.returncode == 1 and "no graded submissions" in empty.stderr
    bad = run_cli("export", LINREG.id, "--course", str(course), "--gradescope", str(tmp_path),
                  "--hidden-visibility", "sometimes")
    assert bad.returncode == 1 and "after_published" in bad.stderr


def test_gradescope_not_gradable_here_is_no_failure():
    """Is a check that cannot run here (no GPU) neither passed nor failed, worth nothing,
    its share of the item's points out of the maximum, not handed to the checks that ran?"""
    checks = (CheckResult("timing", "batched_matmul", False, 0.0, "no GPU", gradable=False),
              CheckResult("values", "batched_matmul", True, 1.0))
    data = results_json(AssignmentResult("10-gpu", "nb.ipynb",
                                         (ItemResult("batched_matmul", 2.0, checks),), True))
    timing, values = data["tests"]
    assert "status" not in timing and timing["max_score"] == 0.0
    assert timing["output"].startswith("not gradable here: no GPU")
    assert (values["status"], values["score"], values["max_score"]) == ("passed", 1.0, 1.0)
