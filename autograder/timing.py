"""Timing a student's function against the reference, on one device, in one run.

Why this shape: a time is only worth comparing if student code cannot touch the clock
that measures it, cannot answer before it has computed, and cannot replay answers it
gave earlier. So:
- the clock is the grader's (`time.perf_counter` in this process), read around one
  `repeat` request (`ops`), which calls the function once on every entry of a bank of
  fresh inputs and replies only when the device has finished and a digest of every result
  is back: a student's patched `time.perf_counter`, `torch.cuda.synchronize` or CUDA
  events change nothing, and a skipped synchronisation only means its results are not
  ready for the digest;
- each request times many calls (as many as fill `target_seconds`), so the cost of the
  channel is spread thin, and the banks are made by a separate, untimed request;
- every bank is new (a random seed per round), and the digests are compared with the
  reference's on the same bank: a cache of earlier answers, or work skipped when timed,
  is wrong values, not speed;
- the reference runs through the same `repeat` code, in this process (a `LocalStudent`
  over the reference's namespace), on the same device, interleaved with the student
  round by round so that a machine's changing load falls on both; the worker's code
  cannot reach it, and while it is timed the worker is stopped (`Student.frozen`), so no
  thread or process the student left running shares the machine with it;
- warm-up rounds first, then the median over repeats, and the verdict is a ratio to the
  reference with a threshold (`expect_speed`).
The device is a parameter: the kit's own tests run all of it on the CPU.
"""

from __future__ import annotations

import contextlib
import math
import secrets
import statistics
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pytest
import torch

from autograder import expect
from autograder.student import LocalStudent, Student, StudentError

__all__ = ["Comparison", "Measurement", "Plan", "compare", "expect_speed", "gpu_or_skip"]


@dataclass(frozen=True)
class Plan:
    """How to time: rounds, calls per request, and when the warm-up already says enough."""

    repeats: int = 5             # timed rounds; the median of them counts
    warmup: int = 2              # untimed rounds first (caches, allocator, CUDA handles)
    warmup_calls: int = 3        # calls per request in the first warm-up round
    target_seconds: float = 0.02  # a timed request lasts about this long
    max_calls: int = 1000
    early_ratio: float = 50.0    # a warm-up this much slower than the reference ends it


@dataclass(frozen=True)
class Measurement:
    """One implementation's seconds per call, one per timed round, by the grader's clock."""

    label: str
    seconds: tuple[float, ...]
    calls: int
    event_seconds: tuple[float, ...] = ()  # what the worker's CUDA events said: not trusted

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass(frozen=True)
class Comparison:
    """The student, the reference and any witnesses, timed on one device in one run."""

    name: str
    device: str
    student: Measurement
    reference: Measurement
    witnesses: dict[str, Measurement] = field(default_factory=dict)
    early: bool = False  # stopped after the warm-up: far slower than the reference

    @property
    def ratio(self) -> float:
        return self.student.median / self.reference.median

    def ratio_of(self, label: str) -> float:
        return self.witnesses[label].median / self.reference.median

    def describe(self) -> str:
        rounds = "the warm-up" if self.early else \
            f"the median of {len(self.student.seconds)} rounds"
        return (f"{_ms(self.student.median)} per call against the reference's "
                f"{_ms(self.reference.median)} on {self.device} ({rounds}, "
                f"{self.student.calls} and {self.reference.calls} calls per round)")


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3g} ms"


def gpu_or_skip(index: int = 0) -> torch.device:
    """The GPU to time on, or "not gradable here" when the grading machine has none."""
    if not torch.cuda.is_available() or torch.cuda.device_count() <= index:
        pytest.skip(f"no GPU cuda:{index} on the grading machine "
                    "(torch.cuda.is_available() is False here), so GPU timing is left out")
    return torch.device(f"cuda:{index}")


class _Side:
    """One implementation, reached through a proxy: the student's worker, or this process."""

    def __init__(self, label: str, proxy: Student, name: str,
                 quiet: Callable[[], AbstractContextManager] = contextlib.nullcontext) -> None:
        self.label, self.proxy, self.name, self.quiet = label, proxy, name, quiet

    def run(self, bank: str, arguments: dict, seed: int, calls: int,
            device: torch.device) -> tuple[float, torch.Tensor, float | None]:
        """(grader seconds per call, digests, event seconds per call) of one request."""
        try:
            inputs = self.proxy.make(bank, seed=seed, calls=calls, device=str(device),
                                     **arguments)
        except StudentError as exc:
            if device.type == "cuda":
                pytest.skip(f"the worker could not put inputs on {device} ({exc}), so GPU "
                            "timing is left out")
            raise
        with self.quiet():  # the worker stopped while this process times the reference
            started = time.perf_counter()
            reply = self.proxy.repeat(self.name, inputs, device)
            seconds = time.perf_counter() - started
        digests = reply["digests"]
        expect.expect(reply["calls"] == calls and digests.layout == torch.strided
                      and digests.dtype == torch.float64 and tuple(digests.shape) == (calls, 2),
                      f"{self.name} was called {reply['calls']} times for {calls} inputs "
                      "while being timed")
        events = reply.get("event_seconds")
        return seconds / calls, digests, events / calls if isinstance(events, float) else None


def _same_values(side: _Side, digests: torch.Tensor, expected: torch.Tensor,
                 dtype: torch.dtype) -> None:
    """The digests of one side's results against the reference's, on the same inputs."""
    rows = min(len(digests), len(expected))
    expect.close(digests[:rows, 0].to(dtype), expected[:rows, 0],
                 f"while being timed, {side.name} (digests of its results)", dtype=dtype,
                 scale=expected[:rows, 1],
                 hint=f"{side.name} must give the same values on every call: a cache of "
                      "earlier answers, or work skipped when called many times in a row, "
                      "shows up here.")


def _calls(plan: Plan, per_call: float) -> int:
    return max(2, min(plan.max_calls, math.ceil(plan.target_seconds / max(per_call, 1e-9))))


def compare(student: Student, reference: ModuleType | Mapping[str, Any], name: str,
            bank: str, *, device: torch.device | str = "cpu",
            arguments: Mapping[str, Any] | None = None, plan: Plan = Plan(),
            witnesses: Mapping[str, Mapping[str, Any]] | None = None,
            dtype: torch.dtype = torch.float32) -> Comparison:
    """Time `name` of the student and of the reference on fresh inputs of kind `bank`.

    `reference` is the reference module (or a namespace); `witnesses` are further trusted
    implementations timed in the same rounds, by label (a Python loop, to show what slow
    looks like here). Raises `CheckFailed` when the student's results differ from the
    reference's while timed; `pytest.skip` when the worker cannot reach a CUDA device.
    """
    device, arguments = torch.device(device), dict(arguments or {})
    namespaces = {"reference": dict(vars(reference) if isinstance(reference, ModuleType)
                                    else reference)}
    namespaces.update({label: dict(ns) for label, ns in (witnesses or {}).items()})
    locals_ = {label: LocalStudent(ns) for label, ns in namespaces.items()}
    for local in locals_.values():
        local.__enter__()
    try:
        sides = [_Side("student", student, name)] + \
            [_Side(label, local, name, student.frozen) for label, local in locals_.items()]
        return _measure(sides, name, bank, arguments, device, plan, dtype)
    finally:
        for local in reversed(locals_.values()):
            local.__exit__(None, None, None)


def _measure(sides: list[_Side], name: str, bank: str, arguments: dict,
             device: torch.device, plan: Plan, dtype: torch.dtype) -> Comparison:
    student, reference = sides[0], sides[1]
    per_call: dict[str, float] = {}
    calls = {s.label: plan.warmup_calls for s in sides}
    for _ in range(plan.warmup):  # each round's times size the next round's requests
        seed = secrets.randbits(31)
        digests = {}
        for side in sides:
            per_call[side.label], digests[side.label], _ = side.run(
                bank, arguments, seed, calls[side.label], device)
        for side in sides:
            if side is not reference:
                _same_values(side, digests[side.label], digests["reference"], dtype)
        calls = {s.label: _calls(plan, per_call[s.label]) for s in sides}
    if per_call["student"] > plan.early_ratio * per_call["reference"]:
        return Comparison(name, str(device),
                          Measurement(student.label, (per_call["student"],), calls["student"]),
                          Measurement(reference.label, (per_call["reference"],),
                                      calls["reference"]), early=True)
    seconds: dict[str, list[float]] = {s.label: [] for s in sides}
    events: dict[str, list[float]] = {s.label: [] for s in sides}
    for round_ in range(plan.repeats):
        seed = secrets.randbits(31)  # new inputs every round, the same for every side
        digests = {}
        for side in sides if round_ % 2 == 0 else sides[::-1]:
            per, digests[side.label], event = side.run(bank, arguments, seed,
                                                       calls[side.label], device)
            seconds[side.label].append(per)
            if event is not None:
                events[side.label].append(event)
        for side in sides:
            if side is not reference:
                _same_values(side, digests[side.label], digests["reference"], dtype)

    def measured(side: _Side) -> Measurement:
        return Measurement(side.label, tuple(seconds[side.label]), calls[side.label],
                           tuple(events[side.label]))
    return Comparison(name, str(device), measured(student), measured(reference),
                      {s.label: measured(s) for s in sides[2:]})


def expect_speed(comparison: Comparison, *, max_ratio: float, floor_ratio: float,
                 hint: str = "") -> None:
    """Full credit up to `max_ratio` times the reference's time, none from `floor_ratio`,
    a straight line between (partial credit, as `expect.ramp`)."""
    ratio = comparison.ratio
    if ratio <= max_ratio:
        return
    score = max(0.0, min(1.0, (floor_ratio - ratio) / (floor_ratio - max_ratio)))
    context = "".join(f"; {label} takes {comparison.ratio_of(label):.3g}x here"
                      for label in comparison.witnesses)
    expect.fail(f"{comparison.name} is {ratio:.3g}x slower than the reference: "
                f"{comparison.describe()}{context}; full credit up to {max_ratio:g}x, "
                f"none from {floor_ratio:g}x ({score:.0%} credit)", hint=hint, score=score)

