"""Writing graded records into nbgrader's gradebook, through nbgrader's own API.

Why through `nbgrader.api.Gradebook`: formgrader, `nbgrader export` and
`nbgrader generate_feedback` read the gradebook, so our grades must sit in the rows
`nbgrader autograde` would have made: a student, a `SubmittedAssignment` (with the
submission's `timestamp.txt`), its `SubmittedNotebook` and one `Grade` per grade cell.

Why a sync, not a write-once: the store (`autograder.store`) is the source of truth, and
a run can be killed between saving a record and writing the gradebook. `write` makes the
gradebook say what a record says and changes only what differs, so running it again on
every record (each run starts that way) repairs whatever a kill left behind and is
otherwise a no-op.

What goes where:
- grade cell `check_<name>` gets the record's score for item `<name>` as `auto_score`;
  as in nbgrader, a grade an instructor has overridden by hand (`manual_score`) is kept
  and flagged for review when the automatic score changes;
- any other grade cell or task cell (a written answer, a test cell the kit does not know)
  is left to the instructor: no automatic score, flagged as needing manual grading;
- a late submission gets the penalty of nbgrader's configured late-submission plugin.
Comments are not written (the feedback pages come from the records), but two: "No
response." on a solution cell handed in exactly as released, as `nbgrader autograde`
writes it, and a note on an item with checks not gradable here (GPU timing without a GPU).

How "not gradable here" is shown: nbgrader's cell maximum is fixed by the notebook, so the
gap cannot leave the maximum as it leaves every other view's. The cell gets the score of
the part that could be graded, unscaled (the same number as the CSV, Gradescope and the
feedback page; scaling it up would award points nobody measured), is flagged as needing
manual grading, so formgrader lists it, and its solution cell gets an automatic comment
saying which points are missing and why. An instructor's manual score is kept, as always.
"""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path

from nbgrader.api import (
    Gradebook,
    InvalidEntry,
    MissingEntry,
    SubmittedAssignment,
    SubmittedNotebook,
)
from nbgrader.preprocessors import AssignLatePenalties
from nbgrader.utils import parse_utc
from sqlalchemy.exc import SAWarning, SQLAlchemyError
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from autograder.manifest import kit_root
from autograder.store import Record

__all__ = ["GradebookError", "GradebookWriter", "database", "read_scores"]

TOLERANCE = 1e-9
NOT_GRADABLE_NOTE = "autograder: not gradable here:"
NO_RESPONSE = "No response."  # nbgrader's own words for a solution cell left as released


class GradebookError(Exception):
    """The gradebook cannot take this assignment's grades; the message says what to run."""


def database(course: Path) -> Path:
    return Path(course) / "gradebook.db"


def _config(course: Path) -> Config:
    """nbgrader's settings: the course's `nbgrader_config.py`, else the kit's (the demo's)."""
    for folder in (Path(course), kit_root()):
        if (folder / "nbgrader_config.py").is_file():
            return PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    return Config()


def _timestamp(folder: Path) -> datetime | None:
    """The submission time nbgrader recorded in `timestamp.txt`, if there is a readable one."""
    try:
        text = (folder / "timestamp.txt").read_text(encoding="utf-8").strip()
        return parse_utc(text) if text else None
    except (OSError, ValueError, OverflowError):
        return None


def _differs(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is not b
    return abs(a - b) > TOLERANCE


class GradebookWriter:
    """An open gradebook, ready to take one assignment's records."""

    def __init__(self, course: Path, assignment_id: str) -> None:
        self.course = Path(course)
        self.assignment_id = assignment_id
        self.warnings: list[str] = []
        path = database(course)
        release = f"`nbgrader generate_assignment {assignment_id}` in {self.course}"
        if not path.is_file():
            raise GradebookError(f"no gradebook at {path}: run {release} first (it records "
                                 "the assignment's graded cells there)")
        config = _config(course)
        course_id = config.CourseDirectory.get("course_id") or "default_course"
        self.gradebook = Gradebook(f"sqlite:///{path}", course_id)
        try:
            notebook = self.gradebook.find_notebook(assignment_id, assignment_id)
        except MissingEntry:
            self.close()
            raise GradebookError(f"the gradebook {path} has no notebook {assignment_id} in "
                                 f"assignment {assignment_id}: run {release} first") from None
        self.cells = {cell.name: cell.max_score for cell in
                      (*notebook.grade_cells, *notebook.task_cells)}
        late = AssignLatePenalties(config=config)
        late.init_plugin()
        self.late_plugin = late.plugin_inst

    def close(self) -> None:
        self.gradebook.close()

    def __enter__(self) -> GradebookWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _submission(self, student: str) -> tuple[SubmittedAssignment, bool]:
        """The student's submission row, made as nbgrader makes it if missing, and its
        timestamp brought up to date; (row, whether it was made or changed)."""
        try:
            self.gradebook.find_student(student)
        except MissingEntry:
            self.gradebook.add_student(student)
        stamp = _timestamp(self.course / "submitted" / student / self.assignment_id)
        try:
            submission = self.gradebook.find_submission(self.assignment_id, student)
        except MissingEntry:
            extra = {"timestamp": stamp} if stamp else {}
            with warnings.catch_warnings():  # nbgrader's own autoflush notices; harmless
                warnings.simplefilter("ignore", SAWarning)
                return self.gradebook.add_submission(self.assignment_id, student, **extra), True
        if stamp is None or submission.timestamp == stamp:
            return submission, False
        submission.timestamp = stamp
        return submission, True

    def _wanted(self, record: Record) -> dict[str, float]:
        """Grade cell -> the automatic score the record gives it."""
        wanted = {}
        for item in record.result.items:
            cell = f"check_{item.name}"
            if cell not in self.cells:
                self._warn(f"{record.assignment} item {item.name} has no grade cell {cell} in "
                           "the gradebook, so nbgrader does not show its points: release the "
                           "assignment again with nbgrader generate_assignment")
                continue
            if abs(self.cells[cell] - item.points) > TOLERANCE:
                self._warn(f"{cell} is worth {self.cells[cell]:g} points in the gradebook but "
                           f"{item.points:g} in the manifest; the score is capped at the "
                           "gradebook's: release the assignment again")
            wanted[cell] = min(max(item.score, 0.0), self.cells[cell])
        return wanted

    def write(self, record: Record) -> bool:
        """Make the gradebook say what the record says; whether anything had to change."""
        db = self.gradebook.db
        try:
            submission, changed = self._submission(record.student)
            notebook = self.gradebook.find_submission_notebook(
                self.assignment_id, self.assignment_id, record.student)
            wanted = self._wanted(record)
            rescored = False
            for grade in notebook.grades:
                if grade.name in wanted and _differs(grade.auto_score, wanted[grade.name]):
                    grade.auto_score = wanted[grade.name]
                    grade.needs_manual_grade = grade.manual_score is not None
                    rescored = True
            if rescored:
                for grade in notebook.grades:
                    if grade.name not in wanted:
                        grade.auto_score = None
                        grade.needs_manual_grade = True
            noted = self._comment(record, notebook)
            db.commit()  # one transaction: the scores and the timestamp
            return self._penalise(submission, notebook) or changed or rescored or noted
        except MissingEntry as exc:
            db.rollback()
            raise GradebookError(f"{record.student}'s submission in the gradebook has no "
                                 f"notebook {self.assignment_id} ({exc}): remove it with "
                                 "`nbgrader db` and run again") from None
        except (SQLAlchemyError, InvalidEntry) as exc:
            db.rollback()
            raise GradebookError(f"the gradebook {database(self.course)} could not take "
                                 f"{record.student}'s grades ({type(exc).__name__}: "
                                 f"{str(exc).splitlines()[0]}): is another program "
                                 "writing to it?") from None

    def _comment(self, record: Record, notebook: SubmittedNotebook) -> bool:
        """Flag for manual grading, with a comment, each cell whose item was partly not
        gradable; say "No response." on a solution cell left as released; take back a
        comment of ours that no longer applies. Whether anything changed."""
        items = {item.name: item for item in record.result.items}
        changed = False
        for grade in notebook.grades:
            item = items.get(grade.name.removeprefix("check_"))
            if item is not None and item.not_gradable and grade.manual_score is None \
                    and not grade.needs_manual_grade:
                grade.needs_manual_grade = True
                changed = True
        for comment in notebook.comments:
            item = items.get(comment.name)
            if item is None:
                continue
            ours = (comment.auto_comment or "").startswith(NOT_GRADABLE_NOTE) or \
                comment.auto_comment == NO_RESPONSE
            if item.not_gradable:
                checks = ", ".join(c.id for c in item.checks if not c.gradable)
                wanted = (f"{NOT_GRADABLE_NOTE} {item.not_gradable:g} of this item's "
                          f"{item.points:g} points ({checks}) could not be graded where it "
                          f"was graded; the score is out of the {item.max_score:g} that could. "
                          "Grade them by hand, or grade again where they can run.")
            elif item.name in record.result.untouched:
                wanted = NO_RESPONSE
            else:
                wanted = None if ours else comment.auto_comment
            if comment.auto_comment != wanted:
                comment.auto_comment = wanted
                changed = True
        return changed

    def _penalise(self, submission: SubmittedAssignment, notebook: SubmittedNotebook) -> bool:
        """The late penalty nbgrader's AssignLatePenalties would give; whether it changed."""
        penalty = None
        seconds_late = submission.total_seconds_late
        if seconds_late > 0:
            penalty = self.late_plugin.late_submission_penalty(
                submission.student.id, notebook.score, seconds_late)
            if penalty is not None:
                penalty = min(max(penalty, 0.0), notebook.score)
        if not _differs(notebook.late_submission_penalty, penalty):
            return False
        notebook.late_submission_penalty = penalty
        self.gradebook.db.commit()
        return True


def read_scores(course: Path, assignment_id: str) -> dict[str, dict[str, float | None]]:
    """Student -> grade cell -> automatic score, as the gradebook holds them now."""
    scores: dict[str, dict[str, float | None]] = {}
    with Gradebook(f"sqlite:///{database(course)}") as gradebook:
        try:
            assignment = gradebook.find_assignment(assignment_id)
        except MissingEntry:
            return scores
        for submission in assignment.submissions:
            for notebook in submission.notebooks:
                scores[submission.student.id] = {g.name: g.auto_score for g in notebook.grades}
    return scores
