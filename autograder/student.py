"""The checks' only way to reach student code: `student.softmax(x)`, handles, gradients.

Why a proxy: checks run in the trusted grader process, the code they judge runs in a
worker (`session.RemoteStudent`) or, for a student checking their own notebook, in their kernel
(`LocalStudent`). Both speak the requests of `autograder.ops`, so a check is written once.
Every value comes back as plain data, decoded here; a failure in student code becomes a
`StudentError`, a dead or stuck worker a `WorkerLost`, each with a message for the student.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import torch

from autograder.ops import Interpreter, restore_global_state, save_global_state
from autograder.protocol import decode, encode

__all__ = ["CellOutcome", "LocalStudent", "Remote", "Student", "StudentError", "Unusable",
           "WorkerLost"]


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


# what the value of each request's reply holds, by type; anything else is not a reply
_REPLY_FIELDS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "call": {"result": object}, "grad": {"result": object, "grads": (list, type(None))},
    "next": {"items": list, "done": bool}, "inspect": {"type": str},
    "repeat": {"digests": torch.Tensor, "calls": int},
}
_TRACE_FIELDS = {"called": (list, tuple)}
_NOT_A_REPLY = ("the worker's reply does not answer the grader's request: did your code "
                "write to the grader's channel?")


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


@dataclass(frozen=True)
class Unusable:
    """A tensor that came back but cannot be judged as one: no values, or not dense.

    The worker sends only dense CPU copies, so this is what a forged reply gets: checks see
    an object that is not a tensor, and say what it was.
    """

    what: str

    def __repr__(self) -> str:
        return f"{self.what} (only dense tensors with values are graded)"


def _usable(tensor: torch.Tensor) -> torch.Tensor | Unusable:
    if tensor.is_meta or tensor.device.type != "cpu":
        return Unusable(f"a tensor on the {tensor.device.type} device")
    if tensor.layout != torch.strided or tensor.is_quantized or tensor.is_nested:
        kind = "quantized" if tensor.is_quantized else "nested" if tensor.is_nested else \
            str(tensor.layout).removeprefix("torch.")
        return Unusable(f"a {kind} tensor")
    return tensor


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
                return Remote(self, value["__handle__"], str(value.get("type", "object")))
            if "__tensor__" in value:
                tensor = value["__tensor__"]
                if not isinstance(tensor, torch.Tensor):
                    return tensor
                tensor = _usable(tensor)
                if isinstance(tensor, torch.Tensor) and value.get("requires_grad") and (
                        tensor.is_floating_point() or tensor.is_complex()):
                    tensor.requires_grad_(True)
                return tensor
            return {k: self._unwire(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self._unwire(v) for v in value)
        return value

    def request(self, op: str, target: dict, **fields: Any) -> Any:
        """One request; its reply must carry the request's id and the fields it promises.

        The id is random, so a frame that student code wrote into the channel cannot pass
        for the reply to a request it has not seen.
        """
        request_id = secrets.randbits(62)
        request = {"op": op, "target": target, "seed": self.seed, "id": request_id}
        request.update({k: _wire(v) for k, v in fields.items()})
        reply = self._exchange(request)
        if not isinstance(reply, dict) or reply.get("id") != request_id:
            raise WorkerLost(_NOT_A_REPLY)
        if not reply.get("ok"):
            error = reply.get("error")
            raise StudentError(error if isinstance(error, dict) else {})
        value = self._unwire(reply.get("value"))
        needed = {**_REPLY_FIELDS.get(op, {}), **(_TRACE_FIELDS if fields.get("trace") else {})}
        if needed and not (isinstance(value, dict) and all(
                isinstance(value.get(k), kind) for k, kind in needed.items())):
            raise WorkerLost(_NOT_A_REPLY)
        return value

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
        return reply["result"], {str(n) for n in reply["called"]}

    def grad(self, name: str, args: tuple, wrt: tuple[int, ...],
             grad_output: torch.Tensor | None = None) -> tuple[Any, list | None]:
        """Output of `name(*args)` and its gradients w.r.t. the arguments at `wrt`."""
        reply = self.request("grad", {"name": name}, args=args, wrt=list(wrt),
                             grad_output=grad_output)
        return reply["result"], reply["grads"]

    def repeat(self, name: str, bank: Remote, device: str | torch.device = "cpu") -> dict:
        """`name` called once per entry of `bank` (inputs `make` built on `device`), all in
        one request, the device synchronised before the reply: `{"digests": (calls, 2)
        float64 tensor, "calls": int, "event_seconds": float or None}`. For `timing`, which
        reads the clock around this request, on the grader's side."""
        return self.request("repeat", {"name": name}, bank=bank, device=str(device))

    def make(self, kind: str, **kwargs: Any) -> Remote:
        made = self.request("make", {}, kind=kind, kwargs=kwargs)
        if not isinstance(made, Remote):
            raise WorkerLost(_NOT_A_REPLY)
        return made

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """Nothing of the student's code runs inside: a worker is stopped, signal by signal
        (see `session.RemoteStudent`); code in this very process has nothing to stop."""
        yield

    def use_seed(self, key: str) -> int:
        """A seed from the check's id: every run sees the same inputs.

        `$AUTOGRADER_SEED` mixes in a salt, so the kit's tests can try other seeds.
        """
        salt = os.environ.get("AUTOGRADER_SEED", "")
        self.seed = zlib.crc32(f"{salt}/{key}".encode() if salt else key.encode())
        return self.seed


class LocalStudent(Student):
    """The student's objects in this very process (a notebook checking itself).

    Used as a context manager: what requests reset (the kernel's dtype, thread count,
    autograd mode, torch function modes, builtins) and the random streams they seed are put
    back as they were once the checks are done, not after every request, so a generator
    shuffles with the state its call was seeded with, as in the worker.
    """

    def __init__(self, namespace: dict[str, Any]) -> None:
        super().__init__()
        self.interpreter = Interpreter(namespace)

    def __enter__(self) -> LocalStudent:
        self._saved = save_global_state()
        return self

    def __exit__(self, *exc: object) -> None:
        restore_global_state(self._saved)

    def _exchange(self, request: dict) -> dict:
        # the same round trip through bytes as the worker: no object is shared
        return decode(encode(self.interpreter.handle(decode(encode(request)))))
