"""The demo course: release, four students' submissions, grading two ways, one gradebook.

Why: a new user (and CI) should see the whole loop work on a fresh machine in one
command. The course is built in its own folder (default `course/`), with nbgrader run
from the repository root so that `nbgrader_config.py` applies. The students:

- `ada` fills every solution cell correctly;
- `ben` gets some items wrong in realistic ways (answers from `tests/mutants/`);
- `cy` hands in broken work: a syntax error, a function that never finishes its
  recursion, a deleted graded cell, and a notebook file cut off mid-save;
- `dee` hands in the release untouched.

Every submission is graded by the autograder (`check --hidden`, one notebook at a time)
and by plain `nbgrader autograde`. Then the class is graded as an instructor would:
`autograder grade`, killed with SIGKILL midway and run again, which must grade only what
was missing. Its records, `nbgrader export`, `autograder export --gradescope` and the
feedback pages must all agree with `check --hidden` on every submission, and `check` with
nbgrader on every item; the command fails on any disagreement.
"""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from autograder import store
from autograder.build import BuildError, run_nbgrader, stamped_source
from autograder.grade import grade_notebook
from autograder.gradebook import read_scores
from autograder.manifest import Assignment, all_assignments, kit_root
from autograder.report import render
from autograder.submission import NotebookError

__all__ = ["fill", "release", "run_demo", "solution_answers"]

STUDENTS = ("ada", "ben", "cy", "dee")

# ben's wrong answers, by assignment: mutant files of tests/mutants/<id>/
BEN = {
    "01-linear-regression": ("sgd__no_divide_by_batch_size", "data_iter__drops_last_batch"),
    "02-logistic-regression": ("binary_cross_entropy__no_clamp", "CSVDataset__course_loadtxt"),
    "03-softmax-regression": ("softmax__no_max_shift", "accuracy__counts_correct"),
    "04-mlp-backprop": ("mlp_backward__db_not_summed", "dropout_layer__no_rescaling"),
    "05-cnn": ("MnistNet__dropout_always_on", "conv_output_size__true_division"),
    "06-inception-resnet": ("Residual__relu_before_addition", "Inception__cat_on_batch_dim"),
    "07-text-sequences": ("Vocab__sorted_ascending", "seq_data_iter_random__overlapping"),
    "08-rnn": ("rnn__resets_H_each_step", "grad_clipping__per_parameter"),
    "09-optimizers": ("sgd_momentum__lr_inside_average", "adam__no_bias_correction"),
    "10-gpu": ("batched_matmul__python_loop", "train_step__returns_tensor"),
}
# cy's broken answers: graded name -> cell text (None deletes the cell); an assignment
# without an entry gets a notebook file cut off in the middle of saving
CY = {
    "01-linear-regression": {
        "linreg": "def linreg(X, w, b)\n    return X @ w + b\n",
        "squared_loss": "def squared_loss(y_hat, y):\n    return squared_loss(y_hat, y)\n",
        "LinearRegression": None,
    },
    "02-logistic-regression": {
        "sigmoid": "def sigmoid(x):\n    return sigmoid(x)\n",
        "LogisticRegression": None,
    },
    "04-mlp-backprop": {
        "relu": "def relu(x)\n    return torch.clamp(x, min=0)\n",
        "trace_grad": None,
    },
    "05-cnn": {
        "corr2d": "def corr2d(X, K)\n    return X\n",
        "pool2d": "def pool2d(X, pool_size, mode='max'):\n    return pool2d(X, pool_size, mode)\n",
        "train_cnn": None,
    },
    "06-inception-resnet": {
        "Inception": "class Inception(nn.Module)\n    pass\n",
        "Residual": None,
    },
    "07-text-sequences": {
        "tokenize": "def tokenize(lines, token='word'):\n"
                    "    return [line.split( for line in lines]\n",
        "count_corpus": None,
    },
    "08-rnn": {
        "perplexity": "def perplexity(total_loss, num_tokens):\n"
                      "    return perplexity(total_loss, num_tokens)\n",
        "RNNModel": None,
    },
    "09-optimizers": {
        "adam": "def adam(params, states, hyperparams):\n    hyperparams['t'] +=\n",
        "init_adam_states": None,
    },
    "10-gpu": {
        "to_device": "def to_device(batch, device):\n    return to_device(batch, device)\n",
        "train_step": None,
    },
}


def _nbgrader(*args: str, course: Path) -> subprocess.CompletedProcess:
    """Run nbgrader from the repository root (its config applies) on the demo course."""
    return run_nbgrader(*args, course=course, cwd=kit_root())


def release(assignment: Assignment, course: Path) -> Path:
    """Release an assignment into a course with nbgrader; the student notebook's path.

    Also what the benchmark and the class-grading tests build their courses with:
    `generate_assignment` records the graded cells in the course's gradebook.
    """
    source = course / "source" / assignment.id
    source.mkdir(parents=True, exist_ok=True)
    nbformat.write(stamped_source(assignment), source / assignment.notebook_name)
    done = _nbgrader("generate_assignment", assignment.id, "--force", course=course)
    if done.returncode != 0:
        raise BuildError(f"nbgrader generate_assignment {assignment.id} failed:\n"
                         f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return course / "release" / assignment.id / assignment.notebook_name


def solution_answers(assignment: Assignment) -> dict[str, str]:
    """The source's solution cells: what a student who gets everything right writes."""
    cells = nbformat.read(assignment.path("source"), as_version=4).cells
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in cells
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def fill(release: Path, answers: dict[str, str | None], target: Path) -> None:
    """Write a student's notebook: the release with solution cells replaced (None deletes)."""
    notebook = nbformat.read(release, as_version=4)
    kept = []
    for cell in notebook.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers and answers[grade_id] is None:
            continue
        if grade_id in answers:
            cell.source = answers[grade_id]
        kept.append(cell)
    notebook.cells = kept
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)


def _submit(assignment: Assignment, course: Path) -> None:
    release = course / "release" / assignment.id / assignment.notebook_name
    correct = solution_answers(assignment)
    mutants = kit_root() / "tests" / "mutants" / assignment.id
    wrong = {name.split("__")[0]: (mutants / f"{name}.py").read_text()
             for name in BEN.get(assignment.id, ())}
    broken = CY.get(assignment.id)
    plans = {"ada": correct, "ben": {**correct, **wrong}, "dee": {}}
    plans["cy"] = {**correct, **broken} if broken else correct
    for student, answers in plans.items():
        target = course / "submitted" / student / assignment.id / assignment.notebook_name
        fill(release, answers, target)
        if student == "cy" and broken is None:  # a file cut off in the middle of saving
            target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])


def _nbgrader_scores(course: Path, assignments: list[Assignment]
                     ) -> dict[tuple[str, str], dict[str, float]]:
    """(student, assignment) -> graded item -> score, read from nbgrader's gradebook."""
    return {(student, assignment.id): {cell.removeprefix("check_"): float(score or 0.0)
                                       for cell, score in cells.items()
                                       if cell.startswith("check_")}
            for assignment in assignments
            for student, cells in read_scores(course, assignment.id).items()}


def run_demo(course: Path, *, assignments: list[Assignment] | None = None,
             nbgrader: list[str] | None = None) -> int:
    """The demo on these assignments (default: all), compared with `nbgrader autograde` on
    those of `nbgrader` (default: all of them); 0 when everything agrees."""
    course = course.resolve()
    shutil.rmtree(course, ignore_errors=True)
    assignments = assignments or all_assignments()
    compared = [a for a in assignments if nbgrader is None or a.id in nbgrader]
    print(f"Demo course in {course}\n\n1. Releasing with nbgrader generate_assignment")
    for assignment in assignments:
        try:
            released = release(assignment, course)
        except BuildError as exc:
            print(exc)
            return 1
        print(f"   {released.relative_to(course)}")
        _submit(assignment, course)
    print(f"2. Submissions: {', '.join(STUDENTS)} (correct, partly wrong, broken, untouched)")

    print("3. Grading with autograder check --hidden")
    ours: dict[tuple[str, str], dict[str, float]] = {}
    reports = {}
    started = time.perf_counter()
    for assignment in assignments:
        for student in STUDENTS:
            path = course / "submitted" / student / assignment.id / assignment.notebook_name
            try:
                result = grade_notebook(path, assignment=assignment, hidden=True)
                ours[student, assignment.id] = {i.name: i.score for i in result.items}
                reports[student, assignment.id] = render(result)
            except NotebookError as exc:
                print(f"   {student}/{assignment.id}: {exc}")
                ours[student, assignment.id] = {i.name: 0.0 for i in assignment.items}
    ours_seconds = time.perf_counter() - started
    example = ("ben", assignments[-1].id)
    print(f"\n   What {example[0]} reads for {example[1]}:\n")
    print("\n".join("   " + line for line in reports[example].splitlines()) + "\n")

    print("4. Grading with nbgrader autograde (runs every cell, demos included)"
          + ("" if compared == assignments else
             f" on {', '.join(a.id for a in compared) or 'none'}"))
    started = time.perf_counter()
    for assignment in compared:
        done = _nbgrader("autograde", assignment.id, "--force", course=course)
        for line in (done.stdout + done.stderr).splitlines():
            if "[AutogradeApp | ERROR] There was an error processing assignment '" in line:
                print("   nbgrader: " + line.split("ERROR]", 1)[1].strip()[:150])
    nbgrader_seconds = time.perf_counter() - started
    theirs = _nbgrader_scores(course, compared)
    status = _print_gradebook(assignments, compared, ours, theirs, ours_seconds,
                              nbgrader_seconds)

    print("\n5. Grading the class with autograder grade, killed midway and run again")
    for number, assignment in enumerate(assignments):
        if number == 0:
            _grade_killed_midway(assignment, course)
        done = subprocess.run(_autograder("grade", assignment.id, "--course", str(course)),
                              cwd=kit_root(), check=False)
        if done.returncode != 0:
            print(f"   autograder grade {assignment.id} failed (exit {done.returncode})")
            return 1
    print("\n6. Exports and feedback against check --hidden")
    return status | _compare_exports(assignments, course, ours)


def _autograder(*args: str) -> list[str]:
    return [sys.executable, "-m", "autograder", *args]


def _grade_killed_midway(assignment: Assignment, course: Path) -> None:
    """Start `autograder grade`, kill -9 it once a record exists, and say what was kept."""
    folder = store.results_dir(course, assignment.id)
    running = subprocess.Popen(_autograder("grade", assignment.id, "--course", str(course),
                                           "--workers", "1"),
                               cwd=kit_root(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while not list(folder.glob("*.json")) and running.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    running.send_signal(signal.SIGKILL)
    running.wait()
    kept = sorted(store.load(course, assignment.id))
    print(f"   killed `autograder grade {assignment.id}` with SIGKILL after "
          f"{len(kept)} of {len(STUDENTS)} records ({', '.join(kept) or 'none'}); again:")


def _nbgrader_export(course: Path) -> dict[tuple[str, str], float]:
    """(student, assignment) -> raw score, as `nbgrader export` writes it."""
    target = course / "nbgrader-grades.csv"
    done = _nbgrader("export", "--to", str(target), course=course)
    if done.returncode != 0:
        return {}
    with target.open(newline="") as stream:
        return {(row["student_id"], row["assignment"]): float(row["raw_score"])
                for row in csv.DictReader(stream)}


def _compare_exports(assignments: list[Assignment], course: Path, ours: dict) -> int:
    """Records, nbgrader export, Gradescope results and feedback pages vs check --hidden."""
    exported = _nbgrader_export(course)
    wrong = []
    for assignment in assignments:
        records = store.load(course, assignment.id)
        gradescope = course / "gradescope" / assignment.id
        subprocess.run(_autograder("export", assignment.id, "--course", str(course),
                                   "--gradescope", str(gradescope)),
                       cwd=kit_root(), check=False, stdout=subprocess.DEVNULL)
        for student in STUDENTS:
            expected = round(sum(ours.get((student, assignment.id), {}).values()), 2)
            record = records.get(student)
            page = store.results_dir(course, assignment.id) / "feedback" / f"{student}.html"
            results = gradescope / student / "results.json"
            seen = {
                "autograder grade": record.result.score if record else None,
                "nbgrader export": exported.get((student, assignment.id)),
                "Gradescope results.json": json.loads(results.read_text())["score"]
                if results.exists() else None,
            }
            for where, score in seen.items():
                if score is None or abs(score - expected) > 0.011:
                    wrong.append(f"{student} {assignment.id}: {where} says {score}, "
                                 f"check --hidden {expected:g}")
            if not page.exists() or f"Score: {expected:g} /" not in page.read_text():
                wrong.append(f"{student} {assignment.id}: the feedback page does not say "
                             f"Score: {expected:g}")
    if wrong:
        print("   They disagree:\n     " + "\n     ".join(wrong))
        return 1
    print(f"   autograder grade, nbgrader export, Gradescope results.json and the feedback "
          f"pages agree with check --hidden on all {len(STUDENTS) * len(assignments)} "
          f"submissions.\n   Feedback pages and class reports: {course / store.FOLDER}")
    return 0


def _print_gradebook(assignments: list[Assignment], compared: list[Assignment], ours: dict,
                     theirs: dict, ours_seconds: float, nbgrader_seconds: float) -> int:
    """One row per assignment, one column per student: autograder / nbgrader totals."""
    print("\nGradebook (autograder / nbgrader; '-' where nbgrader was not run):\n")
    print(f"{'assignment':24}{'max':>5}" + "".join(f"{s:>15}" for s in STUDENTS))
    disagreements = []
    for assignment in assignments:
        row = f"{assignment.id:24}{assignment.max_score:>5g}"
        for student in STUDENTS:
            mine = ours.get((student, assignment.id), {})
            other = theirs.get((student, assignment.id))
            if assignment not in compared:
                their_total = "-"
            else:
                their_total = "missing" if other is None else f"{sum(other.values()):g}"
            row += f"{sum(mine.values()):g} / {their_total}".rjust(15)
            for item in assignment.items if assignment in compared else ():
                a, b = mine.get(item.name, 0.0), (other or {}).get(item.name, 0.0)
                if abs(a - b) > 1e-6:
                    disagreements.append(f"{student} {assignment.id} {item.name}: "
                                         f"autograder {a:g}, nbgrader {b:g}")
        print(row)
    print(f"\nautograder check --hidden took {ours_seconds:.0f} s for "
          f"{len(assignments) * len(STUDENTS)} submissions, nbgrader autograde "
          f"{nbgrader_seconds:.0f} s for {len(compared) * len(STUDENTS)}")
    if disagreements:
        print("\nThe two disagree on:\n  " + "\n  ".join(disagreements))
        return 1
    print("The autograder and nbgrader agree on every item of every submission.")
    return 0
