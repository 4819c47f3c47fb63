"""The assignment manifests, `assignments/<id>.toml`, read once into frozen dataclasses.

Why one reader: points, check lists, budgets and data live in the manifest and nowhere
else; nbgrader's config, the checks, the grader and the reports all read them from here,
so max points are known before any student code runs.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["Assignment", "Item", "ManifestError", "all_assignments", "kit_root", "load"]


class ManifestError(Exception):
    """An assignment that does not exist, or a manifest that does not parse."""


def kit_root() -> Path:
    """The course repository: `$AUTOGRADER_ROOT`, else the folder holding the package."""
    return Path(os.environ.get("AUTOGRADER_ROOT", Path(__file__).resolve().parents[1]))


@dataclass(frozen=True)
class Item:
    """One graded name of the contract: its points, its checks, what it may not call."""

    name: str
    points: float
    checks: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Budget:
    submission_seconds: float = 120.0
    request_seconds: float = 30.0
    memory_mb: int = 4096


@dataclass(frozen=True)
class Assignment:
    id: str
    title: str
    topics: tuple[str, ...]
    items: tuple[Item, ...]
    budget: Budget
    data: dict[str, str]
    gpu: bool = False

    @property
    def notebook_name(self) -> str:
        return f"{self.id}.ipynb"

    @property
    def max_score(self) -> float:
        return sum(item.points for item in self.items)

    def item(self, name: str) -> Item:
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(f"{self.id} has no graded item {name!r}")

    def path(self, kind: str) -> Path:
        """Where this assignment's files of a kind live: source, release, solution, checks."""
        root = kit_root()
        return {
            "source": root / "source" / self.id / self.notebook_name,
            "release": root / "release" / self.id / self.notebook_name,
            "solution": root / "solutions" / f"{self.id}.py",
            "checks": Path(__file__).resolve().parent / "checks" / self.id,
        }[kind]


def _item(raw: dict) -> Item:
    known = {"name", "points", "checks", "forbidden"}
    return Item(name=raw["name"], points=float(raw["points"]),
                checks=tuple(raw.get("checks", ())), forbidden=tuple(raw.get("forbidden", ())),
                settings={k: v for k, v in raw.items() if k not in known})


@cache
def load(assignment_id: str) -> Assignment:
    path = kit_root() / "assignments" / f"{assignment_id}.toml"
    if not path.exists():
        known = ", ".join(a.id for a in all_assignments()) or "none"
        raise ManifestError(f"no assignment {assignment_id!r} (known: {known})")
    try:
        raw = tomllib.loads(path.read_text())
        return Assignment(id=raw["id"], title=raw["title"], topics=tuple(raw.get("topics", ())),
                          items=tuple(_item(i) for i in raw["items"]),
                          budget=Budget(**raw.get("budget", {})), data=raw.get("data", {}),
                          gpu=raw.get("gpu", False))
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ManifestError(f"{path}: {type(exc).__name__}: {exc}") from None


def all_assignments() -> list[Assignment]:
    return [load(p.stem) for p in sorted((kit_root() / "assignments").glob("*.toml"))]
