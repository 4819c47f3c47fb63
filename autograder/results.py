"""Typed results: one per check, per graded item, per submission; plain data when exported.

Why values: each phase of grading ends in a record, so a report can say "your notebook
did not run past cell 7" as readily as "softmax: rows do not sum to 1", and every
adapter (table, JSON, nbgrader, feedback) reads the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from autograder.student import CellOutcome

__all__ = ["AssignmentResult", "CheckResult", "ItemResult"]


@dataclass(frozen=True)
class CheckResult:
    """One check: passed or not, the fraction earned, and what to tell the student."""

    id: str
    item: str
    passed: bool
    score: float = 0.0
    message: str = ""
    hint: str = ""
    visible: bool = True
    gate: bool = False
    gradable: bool = True
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"id": self.id, "passed": self.passed, "message": self.message,
                "hint": self.hint, "score": round(self.score, 4), "visible": self.visible,
                "gate": self.gate, "gradable": self.gradable,
                "seconds": round(self.seconds, 3)}

    @classmethod
    def from_dict(cls, data: dict, item: str) -> CheckResult:
        return cls(data["id"], item, data["passed"], data["score"], data["message"],
                   data["hint"], data["visible"], data.get("gate", False),
                   data.get("gradable", True), data.get("seconds", 0.0))

    def __repr__(self) -> str:
        mark = "pass" if self.passed else f"FAIL ({self.score:.2f})"
        return f"<{self.item}/{self.id}: {mark}>"


@dataclass(frozen=True)
class ItemResult:
    """A graded name: its points, the mean of its checks' scores.

    Gate checks (a forbidden library shortcut) earn nothing themselves: passing one is not
    an achievement, failing one zeroes the item. Each other check carries an equal share of
    the item's `points`; a check that could not be graded here (a GPU timing check on a
    machine without one) takes its share out of both the score and the maximum, so the
    item is worth `max_score` here, which is less than `points`.
    """

    name: str
    points: float
    checks: tuple[CheckResult, ...] = ()

    @property
    def max_score(self) -> float:
        """The points at stake here: `points` less the shares of checks not gradable here."""
        scored = [c for c in self.checks if not c.gate]
        if not scored:
            return self.points
        return round(self.points * sum(c.gradable for c in scored) / len(scored), 2)

    @property
    def not_gradable(self) -> float:
        """The points left out of the score and the maximum, because checks could not run."""
        return round(self.points - self.max_score, 2)

    @property
    def share(self) -> float:
        """What each check that is not a gate carries of the item's points."""
        scored = sum(not c.gate for c in self.checks)
        return self.points / scored if scored else 0.0

    @property
    def score(self) -> float:
        gradable = [c for c in self.checks if c.gradable]
        scored = [c for c in gradable if not c.gate]
        if not scored or any(c.gate and not c.passed for c in gradable):
            return 0.0
        return round(self.max_score * sum(c.score for c in scored) / len(scored), 2)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks if c.gradable)

    def to_dict(self) -> dict:
        return {"name": self.name, "score": self.score, "max_score": self.max_score,
                "points": self.points, "checks": [c.to_dict() for c in self.checks]}

    @classmethod
    def from_dict(cls, data: dict) -> ItemResult:
        # records written before "points" existed held the manifest's points in max_score
        return cls(data["name"], data.get("points", data["max_score"]),
                   tuple(CheckResult.from_dict(c, data["name"]) for c in data["checks"]))


@dataclass(frozen=True)
class AssignmentResult:
    """A whole submission: items, cell outcomes, and problems found on the way."""

    assignment: str
    notebook: str
    items: tuple[ItemResult, ...]
    hidden: bool
    cells: tuple[CellOutcome, ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)
    seconds: float = 0.0          # wall time to grade it, all included
    student_seconds: float = 0.0  # of which inside the student's code (as the worker timed it)
    untouched: tuple[str, ...] = ()  # graded names whose cell is as released: no response

    @property
    def score(self) -> float:
        return round(sum(item.score for item in self.items), 2)

    @property
    def max_score(self) -> float:
        """The points at stake here: what checks not gradable here carry is left out."""
        return round(sum(item.max_score for item in self.items), 2)

    @property
    def not_gradable(self) -> float:
        """The points of checks that could not be graded here, out of score and maximum."""
        return round(sum(item.not_gradable for item in self.items), 2)

    def item(self, name: str) -> ItemResult:
        return next(item for item in self.items if item.name == name)

    def to_dict(self) -> dict:
        return {"assignment": self.assignment, "notebook": self.notebook,
                "hidden": self.hidden, "score": self.score, "max_score": self.max_score,
                "not_gradable": self.not_gradable,
                "items": [item.to_dict() for item in self.items],
                "problems": list(self.problems),
                "cells": [{"label": c.label, "ok": c.ok, "message": c.message,
                           "seconds": round(c.seconds, 3)} for c in self.cells],
                "seconds": round(self.seconds, 3),
                "student_seconds": round(self.student_seconds, 3),
                "untouched": list(self.untouched)}

    @classmethod
    def from_dict(cls, data: dict) -> AssignmentResult:
        """The inverse of `to_dict`, so stored results can be exported again later."""
        return cls(data["assignment"], data["notebook"],
                   tuple(ItemResult.from_dict(i) for i in data["items"]), data["hidden"],
                   tuple(CellOutcome(c["label"], c["ok"], c["message"], c.get("seconds", 0.0))
                         for c in data["cells"]),
                   tuple(data["problems"]), data.get("seconds", 0.0),
                   data.get("student_seconds", 0.0), tuple(data.get("untouched", ())))

    def __repr__(self) -> str:
        return f"<{self.assignment}: {self.score:g}/{self.max_score:g}>"
