"""What a worker can be asked to do with the student's code, as one small interpreter.

Why separate from the worker's process: the same requests serve two places. In the
sandboxed worker they arrive over pipes from the grader; in a student's own notebook
(`check("softmax", softmax)`) they are handled in-process by `LocalStudent`. One
interpreter means the checks behave the same in both.

Requests (see `protocol` for how they travel):
- `run_cell {source, label}`: execute one code cell in the student namespace.
- `call {target, args, kwargs, keep, trace, seed}`: call a name, or a handle's attribute.
- `grad {target, args, kwargs, wrt, grad_output, parameters, seed}`: call (a module's
  forward too), then autograd the output with respect to the arguments at positions `wrt`
  and, with `parameters`, the module's parameters by name.
- `getattr {target}`, `next {target, limit}`: read an attribute; draw up to `limit` items.
- `inspect {target}`: a tensor's value, grad, `requires_grad`, `is_leaf`, version counter.
- `make {kind, ...}`: objects the kit provides inside the worker (leaf tensors with
  gradients, data loaders, probe networks), so checks can hand them to student code.
"""

from __future__ import annotations

import random
import sys
import time
import traceback
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from autograder import probes

__all__ = ["Interpreter"]

_PLAIN = (type(None), bool, int, float, str)


class _CallRecorder(TorchFunctionMode):
    """Records the name of every torch function, method and module op a call reaches."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.names.add(getattr(func, "__name__", repr(func)))
        return func(*args, **(kwargs or {}))


def _reset_global_state(seed: int) -> None:
    """Fresh, seeded state before every call, whatever earlier student code changed."""
    torch.manual_seed(seed)
    random.seed(seed)
    try:
        import numpy

        numpy.random.seed(seed % 2**32)
    except ImportError:
        pass
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(1)  # the same float rounding in the worker and in a notebook


class Interpreter:
    """Executes requests against one student namespace; every reply is plain data."""

    def __init__(self, namespace: dict[str, Any] | None = None) -> None:
        self.namespace = namespace if namespace is not None else {"__name__": "__main__"}
        self._handles: dict[int, Any] = {}
        self._next_handle = 1

    # -- values in and out -------------------------------------------------------------
    def export(self, value: Any, *, keep: bool = False) -> Any:
        """Plain data by value; tensors by value with autograd facts; the rest as handles."""
        if type(value) in _PLAIN:
            return value
        if isinstance(value, _PLAIN):  # numpy.float64 and other subclasses become builtins
            return _builtin(value)
        if type(value) in (torch.Tensor, torch.nn.Parameter) and not keep:
            return {"__tensor__": value.detach().cpu().clone(),
                    "requires_grad": value.requires_grad, "is_leaf": value.is_leaf,
                    "device": str(value.device)}
        if type(value) in (list, tuple) and not keep:
            return type(value)(self.export(v) for v in value)
        if type(value) in (dict, OrderedDict) and not keep and \
                all(isinstance(k, str) for k in value):  # a state_dict is an OrderedDict
            return {k: self.export(v) for k, v in value.items()}
        handle = self._next_handle
        self._next_handle += 1
        self._handles[handle] = value
        return {"__handle__": handle, "type": type(value).__name__}

    def resolve(self, value: Any) -> Any:
        """Turn the grader's arguments into worker objects (handles become their objects)."""
        if isinstance(value, dict):
            if "__handle__" in value:
                return self._handles[value["__handle__"]]
            if "__tensor__" in value:
                tensor = value["__tensor__"].clone()
                return tensor.requires_grad_(True) if value.get("requires_grad") else tensor
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self.resolve(v) for v in value)
        return value

    def _target(self, target: dict) -> Any:
        if "name" in target:
            name = target["name"]
            if name not in self.namespace:
                raise NameError(f"{name} is not defined")
            obj = self.namespace[name]
        else:
            obj = self._handles[target["handle"]]
        for attr in target.get("attrs", ()):
            obj = getattr(obj, attr)
        return obj

    # -- requests ------------------------------------------------------------------------
    def handle(self, request: dict) -> dict:
        """Answer one request; a failure in student code is a reply, never an exception."""
        started = time.perf_counter()
        try:
            value = getattr(self, "_op_" + request["op"])(request)
            reply = {"ok": True, "value": value}
        except BaseException as exc:  # sys.exit() too: the student's code failed, as data
            reply = {"ok": False, "error": _describe(exc)}
        reply["seconds"] = time.perf_counter() - started
        return reply

    def _op_run_cell(self, request: dict) -> None:
        self.namespace.setdefault("get_ipython", _NoShell)
        source = _python_source(request["source"])
        exec(compile(source, request.get("label", "<cell>"), "exec"), self.namespace)

    def _call(self, request: dict) -> Any:
        _reset_global_state(request.get("seed", 0))
        func = self._target(request["target"])
        args = self.resolve(request.get("args", []))
        kwargs = self.resolve(request.get("kwargs", {}))
        return func(*args, **kwargs), args

    def _op_call(self, request: dict) -> Any:
        if not request.get("trace"):
            result, _ = self._call(request)
            return {"result": self.export(result, keep=request.get("keep", False))}
        recorder, result, error = _CallRecorder(), None, None
        try:
            with recorder:
                result, _ = self._call(request)
        except Exception as exc:  # what the call reached before failing still counts
            error = _describe(exc)
        return {"result": self.export(result, keep=request.get("keep", False)),
                "called": sorted(recorder.names), "error": error}

    def _op_grad(self, request: dict) -> Any:
        """Forward, then gradients w.r.t. the inputs at `wrt` (and a module's parameters)."""
        _reset_global_state(request.get("seed", 0))
        func = self._target(request["target"])
        args = list(self.resolve(request.get("args", [])))
        for i in request.get("wrt", ()):
            args[i] = args[i].detach().clone().requires_grad_(True)
        module = func if isinstance(func, torch.nn.Module) else getattr(func, "__self__", None)
        named = [(k, p) for k, p in module.named_parameters() if p.requires_grad] \
            if request.get("parameters") and isinstance(module, torch.nn.Module) else []
        output = func(*args, **self.resolve(request.get("kwargs", {})))
        if not isinstance(output, torch.Tensor) or not output.requires_grad:
            return {"result": self.export(output), "grads": None, "parameter_grads": None}
        grad_output = self.resolve(request.get("grad_output"))
        if grad_output is None:
            grad_output = torch.ones_like(output)
        inputs = [args[i] for i in request.get("wrt", ())] + [p for _, p in named]
        grads = torch.autograd.grad(output, inputs, grad_output, allow_unused=True)
        n = len(request.get("wrt", ()))
        return {"result": self.export(output), "grads": [self.export(g) for g in grads[:n]],
                "parameter_grads": {k: self.export(g) for (k, _), g in zip(named, grads[n:],
                                                                            strict=True)}}

    def _op_getattr(self, request: dict) -> Any:
        return self.export(self._target(request["target"]), keep=request.get("keep", False))

    def _op_next(self, request: dict) -> Any:
        """Draw up to `limit` items; `done` says whether the iterator ran out."""
        obj = self._target(request["target"])
        iterator: Iterator = obj if isinstance(obj, Iterator) else iter(obj)
        items = []
        for _ in range(request.get("limit", 1)):
            try:
                items.append(next(iterator))
            except StopIteration:
                return {"items": self.export(items), "done": True}
        return {"items": self.export(items), "done": False}

    def _op_inspect(self, request: dict) -> Any:
        tensor = self._target(request["target"])
        if not isinstance(tensor, torch.Tensor):
            return {"type": type(tensor).__name__}
        grad = tensor.grad
        return {"type": type(tensor).__name__, "value": tensor.detach().clone(),
                "grad": None if grad is None else grad.detach().clone(),
                "requires_grad": tensor.requires_grad, "is_leaf": tensor.is_leaf,
                "grad_fn": None if tensor.grad_fn is None else type(tensor.grad_fn).__name__,
                "version": tensor._version}

    def _op_make(self, request: dict) -> Any:
        kwargs = self.resolve(request.get("kwargs", {}))
        return self.export(probes.make(request["kind"], **kwargs), keep=True)


def _builtin(value: bool | int | float | str) -> bool | int | float | str:
    """The plain builtin of a subclass instance: its own ==, repr or pickling never travel."""
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    raise TypeError(type(value).__name__)


def _python_source(source: str) -> str:
    """A cell's text as plain Python: `%magics` and `!commands` become get_ipython() calls."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:
        return source
    return TransformerManager().transform_cell(source)


class _NoShell:
    """What `get_ipython()` gives graded code: magics do nothing, a cell magic's body runs.

    `%matplotlib inline` or `!pip install` in a submission must not cost the rest of the
    cell; `%%time` must still define what its cell defines.
    """

    def run_line_magic(self, *args: Any, **kwargs: Any) -> None:
        return None

    def system(self, *args: Any, **kwargs: Any) -> None:
        return None

    getoutput = system

    def run_cell_magic(self, name: str, line: str, cell: str) -> None:
        namespace = sys._getframe(1).f_globals
        exec(compile(_python_source(cell), f"<%%{name} cell>", "exec"), namespace)


def _describe(exc: BaseException) -> dict:
    """The error as the student should see it: type, message, and the line in their code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.endswith(("ops.py", "worker.py"))]
    where = ""
    if frames:
        last = frames[-1]
        where = f"{last.filename}, line {last.lineno}" + (f": {last.line}" if last.line else "")
    message = str(exc)
    if len(message) > 2000:
        message = message[:2000] + " ..."
    return {"type": type(exc).__name__, "message": message, "where": where}
