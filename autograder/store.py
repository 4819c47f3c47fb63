"""Where a class's grades are kept between runs: one JSON file per student and assignment.

Why files, written atomically: a grading run may be killed at any moment (kill -9
included). Each record is written to a temporary file in the same folder and renamed
over the old one, so a record is either the old one or the new one, never half of
either; a run that starts again reads what is there and grades only what is missing or
was re-submitted (its fingerprint changed). Every export (nbgrader's gradebook, CSV,
Gradescope, feedback pages, the class report) reads these records, so they agree.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from autograder.results import AssignmentResult

__all__ = ["Record", "fingerprint", "load", "results_dir", "save"]

FOLDER = "graded"


@dataclass(frozen=True)
class Record:
    """One student's graded submission, and what it was graded from."""

    student: str
    assignment: str
    result: AssignmentResult
    fingerprint: str
    graded_at: str = ""

    def to_dict(self) -> dict:
        return {"student": self.student, "assignment": self.assignment,
                "fingerprint": self.fingerprint, "graded_at": self.graded_at,
                "result": self.result.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> Record:
        return cls(data["student"], data["assignment"],
                   AssignmentResult.from_dict(data["result"]), data["fingerprint"],
                   data.get("graded_at", ""))


def results_dir(course: Path, assignment: str) -> Path:
    return Path(course) / FOLDER / assignment


def fingerprint(notebook: Path) -> str:
    """What a re-submission changes: the notebook's bytes (a missing file is its own)."""
    try:
        return hashlib.sha256(Path(notebook).read_bytes()).hexdigest()
    except OSError:
        return "missing"


def save(course: Path, record: Record) -> Path:
    """Write one record atomically: the old record or the new one survives a crash."""
    folder = results_dir(course, record.assignment)
    folder.mkdir(parents=True, exist_ok=True)
    if not record.graded_at:
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        record = Record(record.student, record.assignment, record.result,
                        record.fingerprint, stamp)
    target = folder / f"{record.student}.json"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{record.student}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(record.to_dict(), stream, indent=1, allow_nan=False)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def load(course: Path, assignment: str) -> dict[str, Record]:
    """Every complete record of an assignment, by student; unreadable files are skipped."""
    records: dict[str, Record] = {}
    for path in sorted(results_dir(course, assignment).glob("*.json")):
        try:
            record = Record.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        records[record.student] = record
    return records
