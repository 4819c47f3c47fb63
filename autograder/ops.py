"""What a worker can be asked to do with the student's code, as one small interpreter.

Why separate from the worker's process: the same requests serve two places. In the
sandboxed worker they arrive over pipes from the grader; in a student's own notebook
(`check("softmax", softmax)`) they are handled in-process by `LocalStudent`. One
interpreter means the checks behave the same in both.

Requests (see `protocol` for how they travel; each reply carries its request's `id`):
- `run_cell {source, label}`: execute one code cell in the student namespace.
- `call {target, args, kwargs, keep, trace, seed}`: call a name, or a handle's attribute.
- `grad {target, args, kwargs, wrt, grad_output, parameters, seed}`: call (a module's
  forward too), then autograd the output with respect to the arguments at positions `wrt`
  and, with `parameters`, the module's parameters by name.
- `getattr {target}`, `next {target, limit}`: read an attribute; draw up to `limit` items.
- `inspect {target}`: a tensor's value, grad, `requires_grad`, `is_leaf`, version counter.
- `make {kind, ...}`: objects the kit provides inside the worker (leaf tensors with
  gradients, data loaders, probe networks), so checks can hand them to student code.
- `repeat {target, bank, device}`: for timing (`autograder.timing`). Call the target
  once on every `(args, kwargs)` entry of `bank` (a handle to inputs that `make` built on
  `device`, fresh for each request), in order, then synchronise the device, and reply with
  a digest of every result: a `(calls, 2)` float64 tensor of a weighted sum of its values
  and the sum of their magnitudes, computed on the device and copied back once, so the
  reply leaves only when every value exists. The grader times the request on its own clock
  and compares the digests with the reference's; on CUDA the reply also carries what CUDA
  events measured, for the record only. What the digests and the synchronisation use was
  taken from torch before any student code ran, and float32 matmuls run at full precision.
  Unlike a call it is not seeded: seeding costs milliseconds, which the clock would see.
"""

from __future__ import annotations

import builtins
import linecache
import random
import re
import sys
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from autograder import probes

__all__ = ["CELL_NAMES", "TRACE_REMOVED", "Interpreter", "UnsendableResult",
           "restore_global_state", "save_global_state"]

_PLAIN = (type(None), bool, int, float, str)
# reported among the names a traced call reached when that call removed the trace itself
TRACE_REMOVED = "(the trace of torch calls was removed while it ran)"
_BUILTINS = dict(vars(builtins))  # as they were before any student code ran
# what `repeat` digests and synchronises with, also taken before any student code ran
_STACK, _ARANGE, _TENSOR = torch.stack, torch.arange, torch.tensor
_CUDA_SYNCHRONIZE, _CUDA_EVENT = torch.cuda.synchronize, torch.cuda.Event


class UnsendableResult(Exception):
    """A value that cannot travel as plain data (a meta, sparse, quantized or nested tensor)."""


class _CallRecorder(TorchFunctionMode):
    """Records the name of every torch function, method and module op a call reaches."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.names.add(getattr(func, "__name__", repr(func)))
        return func(*args, **(kwargs or {}))


def _set_builtins(wanted: dict[str, Any]) -> None:
    current = vars(builtins)
    for name in [n for n in current if n not in wanted]:
        del current[name]
    for name, value in wanted.items():
        if current.get(name) is not value:
            current[name] = value


def _set_deterministic(wanted: bool, warn_only: bool) -> None:
    """Only when it changes: setting it at all imports torch's compiler, seconds the first
    time, which a notebook's first `check` would wait for."""
    if (torch.are_deterministic_algorithms_enabled(),
            torch.is_deterministic_algorithms_warn_only_enabled()) != (wanted, warn_only):
        torch.use_deterministic_algorithms(wanted, warn_only=warn_only)


def _reset_state() -> None:
    """The kit's global state before every request, whatever student code left behind.

    A default dtype, autograd switched off, anomaly or deterministic mode, a torch function
    mode left on the stack (`set_default_device` is one), patched builtins: none of it may
    reach the next request, where it would break a correct answer or the worker's replies.
    """
    while torch._C._len_torch_function_stack():
        torch._C._pop_torch_function_stack()
    _set_builtins(_BUILTINS)
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(1)  # the same float rounding in the worker and in a notebook
    torch.set_anomaly_enabled(False)
    _set_deterministic(False, False)


def save_global_state() -> dict[str, Any]:
    """What requests change (`_reset_state`, seeds), for a notebook's kernel to get back."""
    modes = [torch._C._pop_torch_function_stack()
             for _ in range(torch._C._len_torch_function_stack())][::-1]
    for mode in modes:
        torch._C._push_on_torch_function_stack(mode)
    saved = {"modes": modes, "builtins": dict(vars(builtins)),
             "dtype": torch.get_default_dtype(), "grad": torch.is_grad_enabled(),
             "threads": torch.get_num_threads(), "anomaly": torch.is_anomaly_enabled(),
             "deterministic": (torch.are_deterministic_algorithms_enabled(),
                               torch.is_deterministic_algorithms_warn_only_enabled()),
             "torch_rng": torch.get_rng_state(), "python_rng": random.getstate()}
    if "numpy" in sys.modules:
        saved["numpy_rng"] = sys.modules["numpy"].random.get_state()
    return saved


def restore_global_state(saved: dict[str, Any]) -> None:
    while torch._C._len_torch_function_stack():
        torch._C._pop_torch_function_stack()
    for mode in saved["modes"]:
        torch._C._push_on_torch_function_stack(mode)
    _set_builtins(saved["builtins"])
    torch.set_default_dtype(saved["dtype"])
    torch.set_grad_enabled(saved["grad"])
    torch.set_num_threads(saved["threads"])
    torch.set_anomaly_enabled(saved["anomaly"])
    deterministic, warn_only = saved["deterministic"]
    _set_deterministic(deterministic, warn_only)
    torch.set_rng_state(saved["torch_rng"])
    random.setstate(saved["python_rng"])
    if "numpy_rng" in saved:
        sys.modules["numpy"].random.set_state(saved["numpy_rng"])


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
            return {"__tensor__": _plain_copy(value),
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
        """Answer one request; a failure in student code is a reply, never an exception.

        The kit's state is reset before the request, and again before the error is
        described and the reply sent, so that what the student's code changed while it
        ran cannot break either.
        """
        started = time.perf_counter()
        try:
            _reset_state()
            with torch.inference_mode(False):  # a student's inference mode is scoped
                value = getattr(self, "_op_" + request["op"])(request)
            reply = {"ok": True, "value": value}
        except BaseException as exc:  # sys.exit() too: the student's code failed, as data
            _reset_state()
            reply = {"ok": False, "error": _describe(exc)}
        _reset_state()
        reply["id"] = request.get("id")  # the grader matches every reply to its request
        reply["seconds"] = time.perf_counter() - started
        return reply

    def _op_run_cell(self, request: dict) -> None:
        self.namespace.setdefault("get_ipython", _NoShell)
        source = _python_source(request["source"])
        exec(compile(source, request.get("label", "<cell>"), "exec"), self.namespace)

    def _call(self, request: dict) -> Any:
        probes.seed_streams(request.get("seed", 0))
        func = self._target(request["target"])
        args = self.resolve(request.get("args", []))
        kwargs = self.resolve(request.get("kwargs", {}))
        return func(*args, **kwargs), args

    def _op_call(self, request: dict) -> Any:
        if not request.get("trace"):
            result, _ = self._call(request)
            return {"result": self.export(result, keep=request.get("keep", False))}
        recorder, result, error = _CallRecorder(), None, None
        depth = torch._C._len_torch_function_stack()
        recorder.__enter__()
        try:
            result, _ = self._call(request)
        except Exception as exc:  # what the call reached before failing still counts
            error = _describe(exc)
        called = sorted(recorder.names)
        if torch._C._len_torch_function_stack() == depth + 1 and \
                torch._C._get_function_stack_at(depth) is recorder:
            recorder.__exit__(None, None, None)
        else:  # the student's code took the trace off the stack (or buried it): say so
            called.append(TRACE_REMOVED)  # _reset_state empties the stack after the request
        return {"result": self.export(result, keep=request.get("keep", False)),
                "called": called, "error": error}

    def _op_grad(self, request: dict) -> Any:
        """Forward, then gradients w.r.t. the inputs at `wrt` (and a module's parameters)."""
        probes.seed_streams(request.get("seed", 0))
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
        """Facts read through torch's own descriptors: a subclass cannot dress them up."""
        tensor = self._target(request["target"])
        if not isinstance(tensor, torch.Tensor):
            return {"type": type(tensor).__name__}
        base = torch._C.TensorBase
        grad, grad_fn = base.grad.__get__(tensor), base.grad_fn.__get__(tensor)
        return {"type": type(tensor).__name__, "value": _plain_copy(tensor),
                "grad": None if grad is None else _plain_copy(grad),
                "requires_grad": base.requires_grad.__get__(tensor),
                "is_leaf": base.is_leaf.__get__(tensor),
                "grad_fn": None if grad_fn is None else type(grad_fn).__name__,
                "version": base._version.__get__(tensor)}

    def _op_make(self, request: dict) -> Any:
        kwargs = self.resolve(request.get("kwargs", {}))
        return self.export(probes.make(request["kind"], **kwargs), keep=True)

    def _op_repeat(self, request: dict) -> Any:
        """The target on every entry of a bank, the device synchronised, digests back."""
        func = self._target(request["target"])
        bank = self.resolve(request["bank"])
        device = torch.device(request.get("device", "cpu"))
        cuda = device.type == "cuda"
        weights: dict[tuple, torch.Tensor] = {}
        digests = []
        precision = torch.get_float32_matmul_precision()
        torch.set_float32_matmul_precision("highest")  # no TF32: float32 means float32
        try:
            if cuda:
                start, end = _CUDA_EVENT(enable_timing=True), _CUDA_EVENT(enable_timing=True)
                start.record()
            for args, kwargs in bank:
                digests.append(_digest(func(*args, **kwargs), weights))
            if cuda:
                end.record()
                _CUDA_SYNCHRONIZE(device)
            table = _digest_table(digests)
        finally:
            torch.set_float32_matmul_precision(precision)
        event_seconds = start.elapsed_time(end) / 1000 if cuda else None
        return {"digests": table, "calls": len(digests), "event_seconds": event_seconds}


def _digest(value: Any, weights: dict[tuple, torch.Tensor]) -> torch.Tensor:
    """Two numbers that depend on every value of a result, computed where it lives: its
    values weighted by a fixed pattern in [-1, 1], and the sum of their magnitudes (the
    scale their rounding is judged by). Torch's own tensor methods, past any override."""
    if type(value) in (torch.Tensor, torch.nn.Parameter):
        base = torch._C.TensorBase
        with torch._C.DisableTorchFunction():
            flat = base.reshape(base.detach(value), (-1,))
            if not flat.is_floating_point():
                flat = base.double(flat)
            key = (flat.numel(), flat.dtype, flat.device)
            if key not in weights:
                weights[key] = base.cos(_ARANGE(flat.numel(), dtype=flat.dtype,
                                                device=flat.device))
            return _STACK([base.dot(flat, weights[key]), base.sum(base.abs(flat))])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(_builtin(value))
        return _TENSOR([number, abs(number)], dtype=torch.float64)
    raise TypeError(f"returned {type(value).__name__}, expected a tensor or a number")


def _digest_table(digests: list[torch.Tensor]) -> torch.Tensor:
    """The digests as one (calls, 2) float64 CPU tensor, copied from the device once."""
    if not digests:
        return torch.zeros((0, 2), dtype=torch.float64)
    with torch._C.DisableTorchFunction():
        try:
            table = _STACK(digests)
        except (RuntimeError, TypeError):  # results of different dtypes or devices
            table = _STACK([torch._C.TensorBase.cpu(d).double() for d in digests])
        return torch._C.TensorBase.clone(torch._C.TensorBase.cpu(table.double()))


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


def _plain_copy(tensor: torch.Tensor) -> torch.Tensor:
    """A dense CPU copy of a tensor, a plain `torch.Tensor` whatever its class pretends."""
    if tensor.is_meta:
        raise UnsendableResult("a tensor on the meta device, which holds no values")
    if tensor.layout != torch.strided or tensor.is_quantized or tensor.is_nested:
        kind = "quantized" if tensor.is_quantized else "nested" if tensor.is_nested else \
            str(tensor.layout).removeprefix("torch.")
        raise UnsendableResult(f"a {kind} tensor; only dense tensors are graded "
                               "(return an ordinary tensor, e.g. with .to_dense())")
    with torch._C.DisableTorchFunction():
        return torch._C.TensorBase.clone(torch._C.TensorBase.detach(tensor).cpu())


def _text(exc: BaseException) -> str:
    """The exception's message as a plain str, even when its __str__ raises or lies."""
    try:
        text = str(exc)
        return text if type(text) is str else str.__str__(text)
    except BaseException:
        return "(its message could not be read)"


# How a student's own kernel names its cells (`inline` sets it while it checks): a code
# file name (`/tmp/ipykernel_1234/567.py`) -> "your `softmax` cell", "cell [5]", or None
# for a file that is not one of the notebook's cells. The grader's worker needs none: it
# compiles each cell under a label, "cell 12 (softmax)" (see `_cell`).
CELL_NAMES: ContextVar[Callable[[str], str | None] | None] = ContextVar("cell_names",
                                                                        default=None)
_GRADED_CELL = re.compile(r"cell \d+ \(([A-Za-z_]\w*)\)")  # its grade id: a graded name


def _cell(filename: str, namespace: dict) -> str | None:
    """The cell a frame's code came from, as the student sees it; None if from no cell.

    The grader labels a solution cell by its grade id, which is the graded name it defines:
    "cell 12 (softmax)" reads "your `softmax` cell" once `softmax` exists. Other cells keep
    their label ("cell 2 (setup)", "cell 50").
    """
    namer = CELL_NAMES.get()
    named = namer(filename) if namer is not None else None
    if named:
        return named
    graded = _GRADED_CELL.fullmatch(filename)
    if graded and graded.group(1) in namespace:
        return f"your `{graded.group(1)}` cell"
    return filename if filename.startswith(("cell ", "source cell (")) else None


def _where(exc: BaseException) -> str:
    """The line to fix: the innermost frame in a notebook cell, else the innermost frame.

    A student's line that handed torch a wrong shape is what they can change, not the line
    of torch that raised; the kit's own frames (this interpreter, the worker) never count.
    """
    frames = [(frame, number) for frame, number in traceback.walk_tb(exc.__traceback__)
              if not frame.f_code.co_filename.endswith(("ops.py", "worker.py"))]
    if not frames:
        return ""
    places = [(frame.f_code.co_filename, number, _cell(frame.f_code.co_filename,
                                                       frame.f_globals))
              for frame, number in frames]
    filename, number, cell = next((p for p in reversed(places) if p[2]), places[-1])
    line = linecache.getline(filename, number).strip()  # IPython caches its cells there
    return f"{cell or filename}, line {number}" + (f": {line}" if line else "")


def _describe(exc: BaseException) -> dict:
    """The error as the student should see it: type, message, and the line in their code."""
    try:
        where = _where(exc)
    except BaseException:
        where = ""
    message = _text(exc)
    if len(message) > 2000:
        message = message[:2000] + " ..."
    name = type(exc).__name__
    return {"type": name if type(name) is str else "Exception", "message": message,
            "where": where}
