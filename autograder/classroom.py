"""Grading a whole class: every submission of an assignment, in parallel, resumable.

Why resumable: an instructor with 200 students stops a run (or the machine does) and
runs the same command again. The store (`autograder.store`, one atomic JSON record per
student) is the source of truth: a submission whose record was made from the same bytes
(`store.fingerprint`) is up to date and skipped, so a late or repeated submission
re-grades only that student, and a killed run loses nothing already recorded. The
gradebook is brought in line with the store at the start of every run and after each
record (`autograder.gradebook`), so a kill between the two is repaired by the next run.

Why slots: submissions are graded in parallel by long-lived processes
(`autograder.slots`) that import torch and the reference solutions once. A notebook that
cannot be read gets a record with zero and the reason; one that kills its grading
process twice gets a record saying so; neither costs any other student anything. A bug
in the kit records nothing, so the next run grades that submission again.

Submissions are where nbgrader keeps them: `<course>/submitted/<student>/<id>/<id>.ipynb`
(a submission folder without the notebook is graded as unreadable, as nbgrader gives it
zero).
"""

from __future__ import annotations

import gc
import os
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from autograder import launch, manifest, runlock, slots, store
from autograder.gradebook import GradebookError, GradebookWriter, database
from autograder.manifest import Assignment
from autograder.results import AssignmentResult, CheckResult, ItemResult

__all__ = ["ClassError", "Submitted", "Summary", "course_settings", "default_workers",
           "distribution", "grade_class", "main", "not_graded", "submitted"]

# what stops a whole run, as one line: no gradebook, or no slot can start (a sandbox that
# is required and missing is `launch.SandboxError`, which the CLI reports itself)
_FATAL = (GradebookError, slots.SlotError, runlock.Busy)


class ClassError(Exception):
    """The class cannot be graded as asked; the message says what to do."""


@dataclass(frozen=True)
class Submitted:
    """One student's submission: where it is, and the bytes it holds now."""

    student: str
    notebook: Path
    fingerprint: str


@dataclass
class Summary:
    """What a run did, for the instructor."""

    assignment: str
    course: Path
    graded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)   # up to date
    failed: dict[str, str] = field(default_factory=dict)  # recorded as not graded, and why
    errors: dict[str, str] = field(default_factory=dict)  # kit bugs: nothing recorded
    repaired: list[str] = field(default_factory=list)  # gradebook rows redone from records
    unsynced: dict[str, str] = field(default_factory=dict)  # recorded, not in the gradebook
    warnings: list[str] = field(default_factory=list)
    left: int = 0      # not reached: the run was stopped
    seconds: float = 0.0

    def render(self) -> str:
        minutes, seconds = divmod(round(self.seconds), 60)
        took = f"{minutes} min {seconds} s" if minutes else f"{self.seconds:.1f} s"
        lines = [f"{self.assignment}: graded {len(self.graded)}, skipped {len(self.skipped)} "
                 f"(up to date), failed {len(self.failed) + len(self.errors)}, in {took}"]
        lines += [f"  failed: {student}: {why}" for student, why in self.failed.items()]
        lines += [f"  not graded (a bug in the kit; nothing recorded, run again once fixed): "
                  f"{student}: {why}" for student, why in self.errors.items()]
        if self.left:
            lines.append(f"  stopped with {self.left} left: run the same command again to "
                         "grade them (what was graded is kept)")
        if self.repaired:
            lines.append(f"  the gradebook was brought up to date from the records of "
                         f"{len(self.repaired)} students: {', '.join(self.repaired)}")
        if self.unsynced:
            lines.append(f"  the gradebook is behind for {', '.join(self.unsynced)}: their "
                         "records are kept and the next run writes them; the first error: "
                         f"{next(iter(self.unsynced.values()))}")
        lines += [f"  warning: {warning}" for warning in self.warnings]
        lines.append(f"records: {store.results_dir(self.course, self.assignment)}/ "
                     f"(one JSON file per student); gradebook: {database(self.course)}")
        return "\n".join(lines)


def submitted(course: Path, assignment: Assignment,
              students: list[str] | None = None) -> list[Submitted]:
    """Every submission of the assignment in the course (or of the students named)."""
    root = Path(course) / "submitted"
    folders = sorted(p for p in root.glob(f"*/{assignment.id}") if p.is_dir())
    found = [Submitted(p.parent.name, p / assignment.notebook_name,
                       store.fingerprint(p / assignment.notebook_name)) for p in folders]
    if students:
        missing = sorted(set(students) - {s.student for s in found})
        if missing:
            raise ClassError(f"no submission of {assignment.id} from {', '.join(missing)}: "
                             f"expected {root}/<student>/{assignment.id}/"
                             f"{assignment.notebook_name}")
        found = [s for s in found if s.student in students]
    return found


def not_graded(assignment: Assignment, notebook: Path, problem: str, message: str,
               hint: str) -> AssignmentResult:
    """A zero for every check of every item, with the reason; max points as the manifest
    says, so the record is complete."""
    items = tuple(ItemResult(item.name, item.points, tuple(
        CheckResult(check, item.name, passed=False, message=message, hint=hint)
        for check in item.checks)) for item in assignment.items)
    return AssignmentResult(assignment.id, str(notebook), items, True, problems=(problem,))


# -- inside a slot ----------------------------------------------------------------------------
def _prepare(assignment_id: str, sandbox: str, course: str) -> None:
    """Once per slot: the sandbox (the course hidden from student code), then a practice
    run on the released notebook, so that torch, the checks, the reference solutions and
    the worker's zygote are warm before the first student's clock starts. Then whatever
    is alive is frozen out of the garbage collector's sight: pytest collects garbage after
    every submission, and walking torch's half a million objects each time cost 0.5 s."""
    from autograder.grade import grade_notebook

    assignment = manifest.load(assignment_id)
    launch.use_sandbox(sandbox, hide=(Path(course),), warn=False)  # the parent warned
    practice = assignment.path("release")
    grade_notebook(practice if practice.exists() else assignment.path("source"),
                   assignment=assignment, hidden=True)
    gc.freeze()


def _grade_one(job: tuple[str, str]) -> tuple[str, Any]:
    from autograder.grade import grade_notebook
    from autograder.submission import NotebookError

    assignment_id, notebook = job
    try:
        return "graded", grade_notebook(Path(notebook), assignment=manifest.load(assignment_id),
                                        hidden=True)
    except NotebookError as exc:
        return "unreadable", str(exc)


# -- the run ----------------------------------------------------------------------------------
def _result(assignment: Assignment, submission: Submitted,
            outcome: slots.Outcome) -> tuple[AssignmentResult, str | None]:
    """The result to record, and why it counts as failed (None when it was graded)."""
    if outcome.lost:
        why = (f"the grading process {outcome.lost}, so it was not graded: expected a "
               "notebook the grader can run within its limits")
        hint = (f"Instructor: look at this notebook, then grade it again with `autograder "
                f"grade {assignment.id} --force --student {submission.student}`.")
        return not_graded(assignment, submission.notebook, why,
                          "not graded: grading this notebook crashed the grader", hint), why
    kind, value = outcome.value
    if kind == "unreadable":
        hint = "Open it in JupyterLab, check that it runs, save it and submit it again."
        return not_graded(assignment, submission.notebook, value,
                          "not graded: the notebook could not be read", hint), value
    return value, None


def _outcomes(jobs: list, assignment: Assignment, course: Path, workers: int, sandbox: str,
              scheduler: str | None):
    """Graded on this machine's slots, or, given a scheduler, on a Dask cluster."""
    if scheduler:
        from autograder import distributed_grading

        return distributed_grading.run(jobs, scheduler=scheduler, sandbox=sandbox)
    return slots.run(jobs, _grade_one, slots=workers, setup=_prepare,
                     setup_args=(assignment.id, sandbox, str(course)))


def _grade(todo: list[Submitted], assignment: Assignment, course: Path, workers: int,
           sandbox: str, gradebook: GradebookWriter, summary: Summary,
           scheduler: str | None = None) -> None:
    by_student = {s.student: s for s in todo}
    jobs = [(s.student, (assignment.id, str(s.notebook))) for s in todo]
    bar = tqdm(total=len(todo), desc=f"grading {assignment.id}", unit="notebook",
               file=sys.stderr, dynamic_ncols=True,
               bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} done"
                          "{postfix} [{elapsed}<{remaining}]")
    bar.set_postfix_str(f"0 failed, {len(todo)} left", refresh=False)
    summary.left = len(todo)
    try:
        for outcome in _outcomes(jobs, assignment, course, workers, sandbox, scheduler):
            submission = by_student[outcome.key]
            summary.left -= 1
            if outcome.error:
                summary.errors[submission.student] = outcome.error
                bar.write(f"{submission.student}: not graded, a bug in the kit: {outcome.error}")
            else:
                result, failure = _result(assignment, submission, outcome)
                record = store.Record(submission.student, assignment.id, result,
                                      submission.fingerprint)
                store.save(course, record)
                try:
                    gradebook.write(record)
                except GradebookError as exc:  # the record is kept: the next run syncs it
                    summary.unsynced[submission.student] = str(exc)
                if failure:
                    summary.failed[submission.student] = failure
                    bar.write(f"{submission.student}: {failure}")
                else:
                    summary.graded.append(submission.student)
            failed = len(summary.failed) + len(summary.errors)
            bar.set_postfix_str(f"{failed} failed, {summary.left} left", refresh=False)
            bar.update(1)
    finally:
        bar.close()


def grade_class(assignment_id: str, *, course: Path, workers: int, force: bool = False,
                students: list[str] | None = None, sandbox: str = "auto",
                wait: bool = False, scheduler: str | None = None) -> Summary:
    """Grade what is not graded yet (everything with `force`), record it, sync the gradebook.

    One run per course at a time (`runlock`): another live run makes this one refuse, or
    with `wait` wait for it. With a Dask `scheduler` (or one in the course's
    `autograder.toml`), the submissions are graded on its cluster.
    """
    started = time.perf_counter()
    assignment = manifest.load(assignment_id)
    if not assignment.path("solution").exists():
        raise ClassError(f"grading needs the reference solutions, "
                         f"{assignment.path('solution')}, which this copy of the kit lacks")
    course = Path(course).resolve()
    launch.use_sandbox(sandbox)  # "required" fails here, before anything is graded
    launch.sandboxed()  # and "auto" without bubblewrap warns here, once for the run
    launch.refuse_unconfined_root()  # as root with no confinement, only with --sandbox=off
    summary = Summary(assignment.id, course)
    found = submitted(course, assignment, students)
    with runlock.exclusive(course, wait=wait) as took_over, \
            GradebookWriter(course, assignment.id) as gradebook:
        if took_over:
            print(f"note: {took_over}", file=sys.stderr, flush=True)
        records = store.load(course, assignment.id)
        summary.repaired = [student for student, record in records.items()
                            if gradebook.write(record)]
        todo = [s for s in found if force or s.student not in records
                or records[s.student].fingerprint != s.fingerprint]
        summary.skipped = [s.student for s in found if s not in todo]
        if todo:
            scheduler = scheduler or course_settings(course).get("scheduler")
            where = f"on the Dask cluster at {scheduler}" if scheduler else \
                f"with {min(workers, len(todo))} processes"
            print(f"grading {len(todo)} of {len(found)} submissions of {assignment.id} in "
                  f"{course} {where}", flush=True)
            try:
                _grade(todo, assignment, course, workers, sandbox, gradebook, summary,
                       scheduler)
            except KeyboardInterrupt:
                print("stopped", file=sys.stderr)
        summary.warnings = list(gradebook.warnings)
    summary.seconds = time.perf_counter() - started
    return summary


def course_settings(course: Path) -> dict[str, Any]:
    """`[grade]` of the course's `autograder.toml`, if it has one (e.g. `scheduler`)."""
    path = Path(course) / "autograder.toml"
    if not path.exists():
        return {}
    try:
        return dict(tomllib.loads(path.read_text()).get("grade", {}))
    except tomllib.TOMLDecodeError as exc:
        raise ClassError(f"{path}: {exc}") from None


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main(assignment_id: str, *, course: Path | None = None, workers: int | None = None,
         force: bool = False, students: list[str] | None = None, sandbox: str = "auto",
         wait: bool = False, scheduler: str | None = None) -> int:
    """`autograder grade`: 0 when every submission has a record, 1 for a kit error,
    130 when stopped with Ctrl-C."""
    try:
        summary = grade_class(assignment_id, course=course or manifest.kit_root(),
                              workers=workers or default_workers(), force=force,
                              students=students, sandbox=sandbox, wait=wait,
                              scheduler=scheduler)
    except _FATAL as exc:
        raise ClassError(str(exc)) from None
    print(summary.render())
    if summary.left:
        return 130
    _write_pages(summary)
    return 1 if summary.errors else 0


def distribution(totals: list[float], max_score: float, *, width: int = 30) -> str:
    """The class's totals as a few lines of text: five bands of the maximum, then figures."""
    if not totals or max_score <= 0:
        return "no scores yet"
    bands = [0] * 5
    for total in totals:
        bands[min(int(5 * total / max_score), 4)] += 1
    biggest = max(bands)
    lines = [f"scores of {len(totals)} students (out of {max_score:g}):"]
    for i, count in enumerate(bands):
        low, high = max_score * i / 5, max_score * (i + 1) / 5
        bar = "#" * round(width * count / biggest) if count else ""
        lines.append(f"  {low:6.3g} to {high:<6.3g} {'(incl.)' if i == 4 else '       '} "
                     f"{bar:{width}} {count}")
    ordered = sorted(totals)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    full = sum(total >= max_score for total in totals)
    lines.append(f"  mean {sum(totals) / len(totals):.3g}, median {median:.3g}, "
                 f"full marks {full}, zero {sum(total == 0 for total in totals)}")
    return "\n".join(lines)


def _write_pages(summary: Summary) -> None:
    """Every student's feedback page and the class report, from all the records; then the
    class's score distribution and where the report is, as the run's last lines."""
    from autograder import classreport, feedback

    pages = feedback.write_pages(summary.course, summary.assignment)
    if pages:
        print(f"feedback: {len(pages)} pages in {pages[0].parent}")
    reports = classreport.write(summary.course, summary.assignment)
    records = store.load(summary.course, summary.assignment)
    maximum = max((r.result.max_score for r in records.values()),
                  default=manifest.load(summary.assignment).max_score)
    print(distribution([r.result.score for r in records.values()], maximum))
    for path in reports:
        print(f"class report: {path}")
