"""`autograder grade`: a whole nbgrader class, graded into records and the gradebook.

One small course of 01-linear-regression (the fastest to grade) is released with nbgrader
and graded once; each test works on a copy of it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder import classroom, manifest, slots, store
from autograder.build import run_nbgrader
from autograder.cli import main
from autograder.demo import BEN, fill, release, solution_answers
from autograder.gradebook import GradebookWriter, read_scores

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = manifest.load("01-linear-regression")
ID = ASSIGNMENT.id
STUDENTS = ("ada", "ben", "cy", "dee")
ADA_SUBMITTED = "2024-05-01 10:00:00.000000 UTC"


def notebook(course: Path, student: str) -> Path:
    return course / "submitted" / student / ID / ASSIGNMENT.notebook_name


def grade(course: Path, *args: str) -> tuple[int, str]:
    """Run `autograder grade` in this process; its exit code and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["grade", ID, "--course", str(course), "--workers", "2", *args])
    return code, out.getvalue()


def records(course: Path) -> dict[str, store.Record]:
    return store.load(course, ID)


def record_files(course: Path) -> dict[str, int]:
    """Student -> inode of the record file: a save writes a new file, so a new inode."""
    return {p.stem: p.stat().st_ino for p in store.results_dir(course, ID).glob("*.json")}


def assert_gradebook_matches_records(course: Path) -> None:
    stored = records(course)
    scores = read_scores(course, ID)
    assert set(scores) == set(stored)
    for student, record in stored.items():
        expected = {f"check_{item.name}": item.score for item in record.result.items}
        assert scores[student] == pytest.approx(expected), student


def copy(course: Path, target: Path) -> Path:
    shutil.copytree(course, target)
    return target


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    """A course with 01 released by nbgrader and four submissions, none graded:
    ada right (with nbgrader's timestamp.txt), ben partly wrong, cy's file cut off
    mid-save, dee's the untouched release."""
    course = tmp_path_factory.mktemp("released") / "course"
    student_notebook = release(ASSIGNMENT, course)
    right = solution_answers(ASSIGNMENT)
    mutants = ROOT / "tests" / "mutants" / ID
    wrong = {name.split("__")[0]: (mutants / f"{name}.py").read_text() for name in BEN[ID]}
    for student, answers in {"ada": right, "ben": {**right, **wrong}, "cy": right,
                             "dee": {}}.items():
        fill(student_notebook, answers, notebook(course, student))
    cut = notebook(course, "cy")
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    (notebook(course, "ada").parent / "timestamp.txt").write_text(ADA_SUBMITTED)
    return course


@pytest.fixture(scope="module")
def graded(released, tmp_path_factory) -> tuple[Path, int, str]:
    """The released course after one `autograder grade`: (course, exit code, output)."""
    course = copy(released, tmp_path_factory.mktemp("graded") / "course")
    code, output = grade(course)
    return course, code, output


def test_every_submission_gets_a_record_and_gradebook_row(graded):
    """Does one run grade the class into records and the gradebook, a broken file
    costing only its owner?"""
    course, code, output = graded
    assert code == 0, output
    assert "graded 3, skipped 0 (up to date), failed 1" in output
    assert "cy:" in output and "not valid notebook JSON" in output
    stored = records(course)
    assert sorted(stored) == list(STUDENTS)
    assert stored["ada"].result.score == stored["ada"].result.max_score == 10
    assert 0 < stored["ben"].result.score < 10
    assert stored["dee"].result.score == 0
    cy = stored["cy"].result
    assert cy.score == 0 and cy.max_score == 10
    assert "not valid notebook JSON" in cy.problems[0]
    assert all(not c.passed and "could not be read" in c.message
               for item in cy.items for c in item.checks)
    assert stored["ada"].fingerprint == store.fingerprint(notebook(course, "ada"))
    assert_gradebook_matches_records(course)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        ada = gradebook.find_submission(ID, "ada")
        assert ada.timestamp == datetime(2024, 5, 1, 10, 0)
        assert not any(g.needs_manual_grade for g in ada.notebooks[0].grades)


def test_nbgrader_export_prints_the_recorded_scores(graded, tmp_path):
    """Does `nbgrader export` see exactly the scores of our records?"""
    course, _, _ = graded
    table = tmp_path / "grades.csv"
    done = run_nbgrader("export", f"--to={table}", course=course, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {row["student_id"]: row for row in csv.DictReader(table.open())
            if row["assignment"] == ID}
    stored = records(course)
    assert set(rows) == set(stored)
    for student, record in stored.items():
        assert float(rows[student]["score"]) == pytest.approx(record.result.score), student
        assert float(rows[student]["max_score"]) == record.result.max_score


def test_unchanged_submissions_are_skipped(graded, tmp_path):
    course = copy(graded[0], tmp_path / "course")
    before = record_files(course)
    code, output = grade(course)
    assert code == 0, output
    assert "graded 0, skipped 4 (up to date), failed 0" in output
    assert record_files(course) == before


def test_a_resubmission_regrades_only_that_student(graded, tmp_path):
    course = copy(graded[0], tmp_path / "course")
    before = record_files(course)
    release_notebook = course / "release" / ID / ASSIGNMENT.notebook_name
    fill(release_notebook, solution_answers(ASSIGNMENT), notebook(course, "ben"))
    (notebook(course, "ben").parent / "timestamp.txt").write_text("2024-05-03 09:30:00 UTC")
    code, output = grade(course)
    assert code == 0, output
    assert "graded 1, skipped 3 (up to date), failed 0" in output
    after = record_files(course)
    assert after["ben"] != before["ben"]
    assert {s: after[s] for s in STUDENTS if s != "ben"} == \
        {s: before[s] for s in STUDENTS if s != "ben"}
    assert records(course)["ben"].result.score == 10
    assert_gradebook_matches_records(course)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(ID, "ben").timestamp == datetime(2024, 5, 3, 9, 30)


def test_force_regrades_the_students_named(graded, tmp_path):
    course = copy(graded[0], tmp_path / "course")
    before = record_files(course)
    code, output = grade(course, "--force", "--student", "ada")
    assert code == 0, output
    assert "graded 1, skipped 0 (up to date), failed 0" in output
    after = record_files(course)
    assert after["ada"] != before["ada"]
    assert {s: after[s] for s in ("ben", "cy", "dee")} == \
        {s: before[s] for s in ("ben", "cy", "dee")}


def test_an_unknown_student_or_an_unreleased_assignment_is_a_clear_error(graded, tmp_path,
                                                                           capsys):
    code, _ = grade(graded[0], "--student", "zed")
    assert code == 1
    assert "no submission of 01-linear-regression from zed" in capsys.readouterr().err
    course = tmp_path / "course"
    shutil.copytree(graded[0] / "submitted", course / "submitted")
    code, _ = grade(course)
    assert code == 1
    message = capsys.readouterr().err
    assert "no gradebook" in message and f"nbgrader generate_assignment {ID}" in message
    assert not (course / "graded").exists()


def test_the_gradebook_is_repaired_from_the_records(graded, tmp_path):
    """A run killed between saving a record and writing the gradebook: the next run
    brings the gradebook back in line without grading anything."""
    course = copy(graded[0], tmp_path / "course")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        gradebook.remove_submission(ID, "ben")
        gradebook.find_grade("check_sgd", ID, ID, "ada").auto_score = 0.0
        gradebook.db.commit()
    assert set(read_scores(course, ID)) == {"ada", "cy", "dee"}
    code, output = grade(course)
    assert code == 0, output
    assert "graded 0, skipped 4" in output
    assert "brought up to date from the records of 2 students: ada, ben" in output
    assert_gradebook_matches_records(course)


def test_a_gradebook_another_program_holds_costs_no_grade(graded, tmp_path):
    """formgrader (say) writing to the gradebook while ben's resubmission is graded: the
    record is kept, the summary says the gradebook is behind, the next run catches up."""
    course = copy(graded[0], tmp_path / "course")
    release_notebook = course / "release" / ID / ASSIGNMENT.notebook_name
    fill(release_notebook, solution_answers(ASSIGNMENT), notebook(course, "ben"))
    other = sqlite3.connect(course / "gradebook.db")
    other.execute("BEGIN IMMEDIATE")  # holds the write lock; readers may still read
    try:
        code, output = grade(course)
    finally:
        other.rollback()
        other.close()
    assert code == 0, output
    assert "graded 1, skipped 3" in output
    assert "the gradebook is behind for ben" in output and "is another program" in output
    assert records(course)["ben"].result.score == 10
    assert read_scores(course, ID)["ben"]["check_sgd"] != 2.0
    code, output = grade(course)
    assert "graded 0, skipped 4" in output and "records of 1 students: ben" in output
    assert_gradebook_matches_records(course)


def test_a_late_submission_gets_nbgraders_late_penalty(graded, tmp_path):
    """Is the course's late-submission policy applied as nbgrader autograde applies it?"""
    course = copy(graded[0], tmp_path / "course")
    (course / "nbgrader_config.py").write_text(
        'c = get_config()  # noqa: F821\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        gradebook.update_or_create_assignment(ID, duedate="2024-05-01 09:00:00 UTC")
    with GradebookWriter(course, ID) as writer:
        assert writer.write(records(course)["ada"])  # an hour late
        assert not writer.write(records(course)["ada"])  # already in line
        assert not writer.write(records(course)["ben"])  # no timestamp: not late
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        ada = gradebook.find_submission(ID, "ada")
        assert ada.score == 10 and ada.late_submission_penalty == 10


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def test_a_run_killed_with_sigkill_resumes_where_it_stopped(released, tmp_path):
    course = copy(released, tmp_path / "course")
    folder = store.results_dir(course, ID)
    run = subprocess.Popen([sys.executable, "-m", "autograder", "grade", ID, "--course",
                            str(course), "--workers", "1"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not list(folder.glob("*.json")) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    kept = record_files(course)
    assert 1 <= len(kept) < len(STUDENTS), f"killed too late to test resuming: {kept}"
    assert set(records(course)) == set(kept)  # every file there is a whole record
    missing = set(STUDENTS) - set(kept)
    code, output = grade(course)
    assert code == 0, output
    unreadable = int("cy" in missing)
    assert (f"graded {len(missing) - unreadable}, skipped {len(kept)} (up to date), "
            f"failed {unreadable}") in output
    after = record_files(course)
    assert sorted(after) == list(STUDENTS)
    assert {s: after[s] for s in kept} == kept  # what was recorded was not graded again
    assert_gradebook_matches_records(course)


# -- grading processes that die ---------------------------------------------------------------
CRASH = "__import__('os')._exit(3)"


def _crash_first_time(mark: Path) -> str:
    """An expression that kills its process unless `mark` exists, which it leaves behind."""
    path = f"__import__('pathlib').Path({str(mark)!r})"
    return f"{path}.exists() or __import__('os')._exit({path}.touch() or 3)"


def _grade_or_crash(job: tuple[str, str]):
    """Grading where ben's notebook kills the grading process and dee's hits a kit bug."""
    student = Path(job[1]).parents[1].name
    if student == "ben":
        os._exit(3)
    if student == "dee":
        raise RuntimeError("the checks could not run")
    return classroom._grade_one(job)


def test_a_dead_slot_costs_only_its_job(tmp_path):
    """Is a job whose process dies retried once, then reported lost, without the others
    noticing? (The work is `eval`, a builtin, so slots start without importing torch.)"""
    jobs = [("ok", "'OK'"), ("crash", CRASH), ("flaky", _crash_first_time(tmp_path / "m")),
            ("bug", "1 / 0"), ("fine", "'FINE'")]
    outcomes = {o.key: o for o in slots.run(jobs, eval, slots=2, retries=1)}
    assert set(outcomes) == {"ok", "crash", "flaky", "bug", "fine"}
    assert outcomes["ok"].value == "OK" and outcomes["fine"].value == "FINE"
    assert outcomes["flaky"].value is True and outcomes["flaky"].lost is None
    assert outcomes["crash"].value is None
    assert outcomes["crash"].lost == "died 2 times on it (last: exit code 3)"
    assert outcomes["bug"].error == "ZeroDivisionError: division by zero"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux parent-death signal")
def test_slots_die_with_the_run():
    """A run killed with kill -9 must leave no slot grading on (here: one 10 minutes in)."""
    script = ("from autograder import slots\n"
              "list(slots.run([('hang', \"__import__('time').sleep(600)\")], eval, slots=1))")
    run = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.monotonic() + 60
    while not (children := _children(run.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)  # let the slot take its job
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert children, "the run never started its slot"
    deadline = time.monotonic() + 10
    while any(map(_alive, children)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, children)), "a slot outlived the run that started it"


def test_a_notebook_that_kills_the_grader_gets_a_failed_record(graded, tmp_path, monkeypatch):
    course = copy(graded[0], tmp_path / "course")
    before = record_files(course)
    monkeypatch.setattr(classroom, "_grade_one", _grade_or_crash)
    code, output = grade(course, "--force", "--student", "ben", "cy", "dee")
    assert code == 1, output
    assert "graded 0, skipped 0 (up to date), failed 3" in output
    assert "not graded (a bug in the kit; nothing recorded" in output
    ben = records(course)["ben"].result
    assert ben.score == 0 and "died 2 times" in ben.problems[0]
    assert all(c.message == "not graded: grading this notebook crashed the grader"
               for item in ben.items for c in item.checks)
    assert "not valid notebook JSON" in records(course)["cy"].result.problems[0]
    assert records(course)["dee"].result.score == 0  # the old record, untouched
    assert record_files(course)["dee"] == before["dee"]
    assert_gradebook_matches_records(course)


def _hold_lock(course: Path) -> subprocess.Popen:
    """Another `autograder grade` run on the course, as far as the lock can tell."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
         "from autograder import runlock\n"
         "with runlock.exclusive(Path(sys.argv[1])):\n    print('held', flush=True)\n"
         "    time.sleep(600)\n", str(course)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_on_the_course_refuses_saying_which_run(graded, tmp_path, capsys):
    """While one run grades a course, does a second refuse, naming the process and since
    when, without touching a record; and with --wait, does it wait, then grade?"""
    course = copy(graded[0], tmp_path / "course")
    before = record_files(course)
    holder = _hold_lock(course)
    try:
        code = main(["grade", ID, "--course", str(course), "--force"])
        error = capsys.readouterr().err
        assert code == 1
        assert f"process {holder.pid}" in error and "since" in error and "--wait" in error
        assert record_files(course) == before
        waited: dict = {}
        waiting = threading.Thread(target=lambda: waited.update(
            result=grade(course, "--wait", "--student", "ada", "--force")))
        waiting.start()
        time.sleep(3)
        assert waiting.is_alive() and record_files(course) == before, "it did not wait"
    finally:
        holder.kill()
        holder.wait()
    waiting.join(timeout=300)
    code, output = waited["result"]
    assert code == 0 and "graded 1" in output
    assert "waiting for the run that holds" in capsys.readouterr().err


def test_the_lock_of_a_killed_run_is_taken_over(graded, tmp_path, capsys):
    """A run killed with SIGKILL leaves its lock file: does the next run take it over,
    saying whose it was, and grade?"""
    course = copy(graded[0], tmp_path / "course")
    holder = _hold_lock(course)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    code, output = grade(course, "--student", "ada", "--force")
    assert code == 0 and "graded 1" in output
    assert f"took over the lock of a run that stopped without releasing it: process " \
           f"{holder.pid}" in capsys.readouterr().err


def test_the_run_ends_with_the_score_distribution_and_the_report(graded):
    """Do the last lines of a run show the class's scores in a few lines, then the report?"""
    course, _, output = graded
    lines = output.strip().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("scores of 4 students"))
    bands = lines[start + 1:start + 6]
    assert sum(int(line.split()[-1]) for line in bands) == 4, bands
    assert lines[start + 6].startswith("  mean ")
    assert lines[start + 7:] == [f"class report: {course / 'graded' / ID / name}"
                                 for name in ("report.html", "scores.png")]


# -- on a Dask cluster ------------------------------------------------------------------------
def _comparable(record: store.Record) -> dict:
    """A record's verdicts, without the times that differ from run to run."""
    data = record.result.to_dict()
    return {"score": data["score"], "problems": data["problems"],
            "items": [(i["name"], i["score"], [(c["id"], c["passed"], c["message"])
                                               for c in i["checks"]]) for i in data["items"]]}


@pytest.fixture(scope="module")
def cluster():
    """Two Dask worker processes on this machine, one thread each, a task retried once."""
    distributed = pytest.importorskip("distributed", reason="pip install -e '.[dask]'")
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as local:
        yield local


def test_a_dask_cluster_gives_the_same_records_as_local_slots(graded, cluster, tmp_path):
    """Graded on a LocalCluster, is every record, item by item and check by check, the
    one local grading gave, and is the gradebook the records?"""
    course = copy(graded[0], tmp_path / "course")
    local = {student: _comparable(record) for student, record in records(course).items()}
    code, output = grade(course, "--force", "--scheduler", cluster.scheduler_address)
    assert code == 0, output
    assert f"on the Dask cluster at {cluster.scheduler_address}" in output
    assert {s: _comparable(r) for s, r in records(course).items()} == local
    assert_gradebook_matches_records(course)


def test_a_killed_dask_worker_costs_only_a_retry(graded, cluster, tmp_path):
    """When a Dask worker is killed while it grades, is its task run again elsewhere, and
    does the class still end with every record as local grading gave it?"""
    from distributed import Client

    course = copy(graded[0], tmp_path / "course")
    local = {student: _comparable(record) for student, record in records(course).items()}
    (course / "autograder.toml").write_text(f'[grade]\nscheduler = "{cluster.scheduler_address}"\n')
    finished: dict = {}
    run = threading.Thread(target=lambda: finished.update(result=grade(course, "--force")))
    with Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
        run.start()
        deadline = time.monotonic() + 240
        busy = []
        while not busy and time.monotonic() < deadline:
            busy = [address for address, tasks in client.processing().items() if tasks]
            time.sleep(0.2)
        assert busy, "no Dask worker took a task"
        os.kill(pids[busy[0]], signal.SIGKILL)
        run.join(timeout=600)
    code, output = finished["result"]
    assert code == 0, output
    assert {s: _comparable(r) for s, r in records(course).items()} == local


def test_untouched_solution_cells_get_nbgraders_no_response(graded):
    """Do the solution cells of dee's untouched release carry nbgrader's "No response."
    comment, as `nbgrader autograde` writes it, and ada's none?"""
    course, _, _ = graded
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student, expected in (("dee", "No response."), ("ada", None)):
            notebook = gradebook.find_submission_notebook(ID, ID, student)
            comments = {c.name: c.auto_comment for c in notebook.comments}
            assert comments == {item.name: expected for item in ASSIGNMENT.items}, student
