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
    an achievement, failing one zeroes the item.
    """

    name: str
    max_score: float
    checks: tuple[CheckResult, ...] = ()

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
                "checks": [c.to_dict() for c in self.checks]}

    @classmethod
    def from_dict(cls, data: dict) -> ItemResult:
        return cls(data["name"], data["max_score"],
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

    @property
    def score(self) -> float:
        return round(sum(item.score for item in self.items), 2)

    @property
    def max_score(self) -> float:
        return sum(item.max_score for item in self.items)

    def item(self, name: str) -> ItemResult:
        return next(item for item in self.items if item.name == name)

    def to_dict(self) -> dict:
        return {"assignment": self.assignment, "notebook": self.notebook,
                "hidden": self.hidden, "score": self.score, "max_score": self.max_score,
                "items": [item.to_dict() for item in self.items],
                "problems": list(self.problems),
                "cells": [{"label": c.label, "ok": c.ok, "message": c.message,
                           "seconds": round(c.seconds, 3)} for c in self.cells],
                "seconds": round(self.seconds, 3),
                "student_seconds": round(self.student_seconds, 3)}

    @classmethod
    def from_dict(cls, data: dict) -> AssignmentResult:
        """The inverse of `to_dict`, so stored results can be exported again later."""
        return cls(data["assignment"], data["notebook"],
                   tuple(ItemResult.from_dict(i) for i in data["items"]), data["hidden"],
                   tuple(CellOutcome(c["label"], c["ok"], c["message"], c.get("seconds", 0.0))
                         for c in data["cells"]),
                   tuple(data["problems"]), data.get("seconds", 0.0),
                   data.get("student_seconds", 0.0))

    def __repr__(self) -> str:
        return f"<{self.assignment}: {self.score:g}/{self.max_score:g}>"
