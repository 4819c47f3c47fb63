"""The checks' only way to reach student code: `student.softmax(x)`, handles, gradients.

Why a proxy: checks run in the trusted grader process, the code they judge runs in a
worker (`session.RemoteStudent`) or, for a student checking their own notebook, in their kernel
(`LocalStudent`). Both speak the requests of `autograder.ops`, so a check is written once.
Every value comes back as plain data, decoded here; a failure in student code becomes a
`StudentError`, a dead or stuck worker a `WorkerLost`, each with a message for the student.
"""

from __future__ import annotations

import os
import random
import zlib
from dataclasses import dataclass
from typing import Any

import torch

from autograder.ops import Interpreter
from autograder.protocol import decode, encode

__all__ = ["CellOutcome", "LocalStudent", "Remote", "Student", "StudentError", "WorkerLost"]


class StudentError(Exception):
    """The student's code raised; carries what to show them."""

    def __init__(self, error: dict) -> None:
        self.type = error.get("type", "Error")
        self.detail = error.get("message", "")
        self.where = error.get("where", "")
        super().__init__(self.describe())

    def describe(self) -> str:
        text = f"{self.type}: {self.detail}" if self.detail else self.type
        return f"{text} ({self.where})" if self.where else text


class WorkerLost(Exception):
    """The worker timed out, died, or the submission's time ran out."""


@dataclass(frozen=True)
class CellOutcome:
    """How one code cell of the submission ran."""

    label: str
    ok: bool
    message: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class Remote:
    """An object that lives with the student's code, reached by handle."""

    student: Student
    handle: int
    type: str

    def wire(self) -> dict:
        return {"__handle__": self.handle}

    def call(self, attr: str | None, *args: Any, **kwargs: Any) -> Any:
        """Call this object's method `attr` (or the object itself, for None)."""
        return self.student.request("call", self._target(attr), args=args,
                                    kwargs=kwargs)["result"]

    def draw(self, limit: int) -> tuple[list, bool]:
        """Up to `limit` items from this iterator or iterable, and whether it ran out."""
        reply = self.student.request("next", self._target(None), limit=limit)
        return reply["items"], reply["done"]

    def inspect(self) -> dict:
        return self.student.request("inspect", self._target(None))

    def backward(self, *args: Any, grad_output: torch.Tensor | None = None) -> dict:
        """This module's forward on `args`, and the gradients of its parameters by name."""
        return self.student.request("grad", self._target(None), args=args, wrt=[],
                                    grad_output=grad_output, parameters=True)

    def _target(self, attr: str | None) -> dict:
        return {"handle": self.handle, "attrs": [attr] if attr else []}

    def __repr__(self) -> str:
        return f"<{self.type} in the student's code>"


def _wire(value: Any) -> Any:
    """The grader's arguments as the worker reads them (handles by number)."""
    if isinstance(value, Remote):
        return value.wire()
    if isinstance(value, torch.Tensor):
        return {"__tensor__": value.detach().clone(), "requires_grad": value.requires_grad}
    if isinstance(value, (list, tuple)):
        return type(value)(_wire(v) for v in value)
    if isinstance(value, dict):
        return {k: _wire(v) for k, v in value.items()}
    return value


class Student:
    """Common proxy: turns calls into requests and replies into values."""

    def __init__(self) -> None:
        self.seed = 0

    def _exchange(self, request: dict) -> dict:
        raise NotImplementedError

    def _unwire(self, value: Any) -> Any:
        if isinstance(value, dict):
            if "__handle__" in value:
                return Remote(self, value["__handle__"], value.get("type", "object"))
            if "__tensor__" in value:
                tensor = value["__tensor__"]
                if value.get("requires_grad") and (tensor.is_floating_point()
                                                   or tensor.is_complex()):
                    tensor.requires_grad_(True)
                return tensor
            return {k: self._unwire(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self._unwire(v) for v in value)
        return value

    def request(self, op: str, target: dict, **fields: Any) -> Any:
        request = {"op": op, "target": target, "seed": self.seed}
        request.update({k: _wire(v) for k, v in fields.items()})
        reply = self._exchange(request)
        if not reply.get("ok"):
            raise StudentError(reply.get("error") or {})
        return self._unwire(reply.get("value"))

    # -- what checks call ----------------------------------------------------------------
    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return self.request("call", {"name": name}, args=args, kwargs=kwargs)["result"]

    def keep(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Call, and leave the result with the student's code (a `Remote`)."""
        return self.request("call", {"name": name}, args=args, kwargs=kwargs,
                            keep=True)["result"]

    def traced(self, name: str, *args: Any, **kwargs: Any) -> tuple[Any, set[str]]:
        """Call and return `(result, names of the torch functions the call reached)`.

        If the call raises, the result is None and the names are those reached before.
        """
        reply = self.request("call", {"name": name}, args=args, kwargs=kwargs, trace=True)
        return reply["result"], set(reply["called"])

    def grad(self, name: str, args: tuple, wrt: tuple[int, ...],
             grad_output: torch.Tensor | None = None) -> tuple[Any, list | None]:
        """Output of `name(*args)` and its gradients w.r.t. the arguments at `wrt`."""
        reply = self.request("grad", {"name": name}, args=args, wrt=list(wrt),
                             grad_output=grad_output)
        return reply["result"], reply["grads"]

    def make(self, kind: str, **kwargs: Any) -> Remote:
        return self.request("make", {}, kind=kind, kwargs=kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)

    def use_seed(self, key: str) -> int:
        """A seed from the check's id: every run sees the same inputs.

        `$AUTOGRADER_SEED` mixes in a salt, so the kit's tests can try other seeds.
        """
        salt = os.environ.get("AUTOGRADER_SEED", "")
        self.seed = zlib.crc32(f"{salt}/{key}".encode() if salt else key.encode())
        return self.seed


class LocalStudent(Student):
    """The student's objects in this very process (a notebook checking itself).

    Used as a context manager: the kernel's thread count, autograd mode and random
    streams are put back as they were once the checks are done, not after every request,
    so a generator shuffles with the state its call was seeded with, as in the worker.
    """

    def __init__(self, namespace: dict[str, Any]) -> None:
        super().__init__()
        self.interpreter = Interpreter(namespace)

    def __enter__(self) -> LocalStudent:
        self._saved = (torch.get_num_threads(), torch.is_grad_enabled(),
                       torch.get_rng_state(), random.getstate())
        return self

    def __exit__(self, *exc: object) -> None:
        threads, grad_enabled, torch_rng, python_rng = self._saved
        torch.set_num_threads(threads)
        torch.set_grad_enabled(grad_enabled)
        torch.set_rng_state(torch_rng)
        random.setstate(python_rng)

    def _exchange(self, request: dict) -> dict:
        # the same round trip through bytes as the worker: no object is shared
        return decode(encode(self.interpreter.handle(decode(encode(request)))))
