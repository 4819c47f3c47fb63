"""The vocabulary checks are written in: a ladder of expectations, one message per rung.

Why a ladder: a student whose softmax returns the wrong shape should hear about the
shape, not about a value mismatch at index [3, 7]. Each helper checks in the order
exists -> is a tensor -> shape -> dtype -> finite -> values, and fails with
"got ..., expected ..." so the check's own code stays a few lines long. The hint the
student sees is the check's docstring unless a rung gives a sharper one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, NoReturn

import torch
from torch.autograd.gradcheck import GradcheckError

from autograder.student import Remote, Unusable

__all__ = ["ULPS", "CheckFailed", "close", "describe", "expect", "fail", "gradcheck", "in_float64",
           "no_shortcuts", "number", "ramp", "tensor", "tolerance"]

# How many units of rounding (the dtype's epsilon) a correct answer may be off by, per unit
# of the magnitude its inputs carry through the operation. Generous on purpose: any
# mathematically equal order of operations stays well inside it (sums of hundreds of terms,
# loops instead of vectorised ops, float64 inside), while a real mistake is off by a
# relative error of order one, millions of epsilons away.
ULPS = 64


class CheckFailed(AssertionError):
    """A check's verdict against the student; `score` > 0 gives partial credit."""

    def __init__(self, message: str, *, hint: str = "", score: float = 0.0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.score = score


def fail(message: str, *, hint: str = "", score: float = 0.0) -> NoReturn:
    raise CheckFailed(message, hint=hint, score=score)


def expect(condition: bool, message: str, *, hint: str = "") -> None:
    if not condition:
        fail(message, hint=hint)


def describe(value: Any) -> str:
    """A short, safe description of what came back."""
    if isinstance(value, torch.Tensor):
        return f"a {value.dtype} tensor of shape {tuple(value.shape)}"
    if isinstance(value, Remote):
        return f"{'an' if value.type[:1].lower() in 'aeiou' else 'a'} {value.type}"
    if isinstance(value, Unusable):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)} items"
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}" if value is not None else "None"


def tensor(value: Any, what: str, *, shape: tuple | None = None,
           dtype: torch.dtype | None = None, hint: str = "") -> torch.Tensor:
    """The first rungs: a plain `torch.Tensor`, of this shape and dtype.

    (Values always come back to the grader on the CPU; where the device matters, the
    worker's report of it is checked separately.)
    """
    if value is None:
        fail(f"{what} returned None, expected a tensor",
             hint="Did you forget the `return` statement?")
    if not isinstance(value, torch.Tensor):
        fail(f"{what} returned {describe(value)}, expected a torch.Tensor", hint=hint)
    if shape is not None and tuple(value.shape) != tuple(shape):
        fail(f"{what} has shape {tuple(value.shape)}, expected {tuple(shape)}", hint=hint)
    if dtype is not None and value.dtype != dtype:
        fail(f"{what} has dtype {value.dtype}, expected {dtype}", hint=hint)
    return value


def _worst(actual: torch.Tensor, expected: torch.Tensor,
           bound: torch.Tensor | None = None) -> str:
    """The element furthest out of bounds (the largest error, without a bound), described."""
    error = (actual.double() - expected.double()).abs()
    error = torch.where(torch.isnan(error), torch.full_like(error, float("inf")), error)
    badness = error if bound is None else error / bound.expand_as(error)
    flat = int(badness.reshape(-1).argmax())
    index = tuple(int(i) for i in torch.unravel_index(torch.tensor(flat), error.shape)) \
        if error.dim() else ()
    at = f" at {list(index)}" if index else ""
    allowed = "" if bound is None else \
        f"; tolerance {float(bound.expand_as(error).reshape(-1)[flat]):.3g} there"
    got, want = float(actual.reshape(-1)[flat]), float(expected.reshape(-1)[flat])
    digits = 6 if abs(got - want) > 1e-5 * max(abs(want), 1e-30) else 10  # show the difference
    return (f"error {float(error.reshape(-1)[flat]):.3g}{at} "
            f"(got {got:.{digits}g}, expected {want:.{digits}g}){allowed}")


def tolerance(expected: torch.Tensor, dtype: torch.dtype, scale: Any = 0.0,
              ulps: float = ULPS) -> torch.Tensor:
    """The error a correct answer in `dtype` may have, element by element.

    `ulps` epsilons of `dtype` times the magnitude: `|expected|` plus `scale`, the size of
    what the value is computed from when that is larger than the value itself (the terms of
    a sum that cancel, logits of 1e4 behind probabilities of 1, `|X| @ |w| + |b|` behind
    `X @ w + b`). A tensor broadcasts against `expected`; a number applies to all. The
    smallest normal number of the dtype is added, so that zeros and denormals compare too.
    """
    info = torch.finfo(dtype)
    magnitude = expected.detach().double().abs() + torch.as_tensor(scale, dtype=torch.float64)
    return ulps * info.eps * magnitude + info.tiny


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """The grader's own computations on small tensors on one thread, as in the worker: many
    small operations run several times faster so (a second thread only waits for its share
    of a busy machine), and the grader's setting is put back after."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def in_float64(function: Any, *args: Any) -> Any:
    """`function` on float64 copies of the floating-point tensors among `args`.

    Expected values computed this way are exact to the last digits that matter, so the
    tolerance only has to allow for the student's own rounding.
    """
    def widened(value: Any) -> Any:
        if isinstance(value, torch.Tensor) and value.is_floating_point():
            return value.detach().double()
        return value
    return function(*(widened(a) for a in args))


def close(actual: Any, expected: torch.Tensor, what: str, *, dtype: torch.dtype | None = None,
          scale: Any = 0.0, ulps: float = ULPS, check_dtype: bool = True,
          hint: str = "") -> None:
    """The whole ladder, ending with values within a tolerance that follows the inputs.

    `actual` must have `dtype` (default: `expected`'s) unless `check_dtype` is off; its
    values may differ from `expected` by `tolerance(...)` in the answer's own dtype, so a
    float32 answer is judged by float32's rounding whatever the expected value's dtype. Pass
    `expected` in float64 where it can be computed so (`in_float64`), and `scale` wherever
    the value is smaller than what it is computed from.
    """
    dtype = dtype or expected.dtype
    actual = tensor(actual, what, shape=tuple(expected.shape),
                    dtype=dtype if check_dtype else None, hint=hint)
    if not expected.is_floating_point():
        if not torch.equal(actual.to(expected.dtype), expected):
            fail(f"{what} differs from the expected values: {_worst(actual, expected)}",
                 hint=hint)
        return
    expect(bool(torch.isfinite(actual).all()) or not bool(torch.isfinite(expected).all()),
           f"{what} contains inf or nan, expected finite values", hint=hint)
    # judged by the rounding of the answer's own dtype (the required one, when it is checked)
    judged = actual.dtype if actual.is_floating_point() else torch.float32
    bound = tolerance(expected, judged, scale, ulps)
    got, want = actual.double(), expected.double()
    ok = ((got - want).abs() <= bound) | (got == want) | (torch.isnan(got) & torch.isnan(want))
    if not bool(ok.all()):
        fail(f"{what} differs from the expected values: {_worst(actual, expected, bound)}",
             hint=hint)


def number(value: Any, expected: float, what: str, *, dtype: torch.dtype = torch.float32,
           scale: float = 0.0, ulps: float = ULPS, detail: str = "", hint: str = "") -> float:
    """A Python float (not a tensor, not an int) within the tolerance of `close`.

    `dtype` is the precision the value may have been computed in (a float32 mean gives a
    float32 result), `detail` is said after the expected value ("3 of 4 rows right").
    """
    if not isinstance(value, float):
        fail(f"{what} returned {describe(value)}, expected a Python float",
             hint=hint or "Convert at the end: float(...) or tensor.item().")
    bound = float(tolerance(torch.tensor(float(expected)), dtype, scale, ulps))
    if not abs(value - expected) <= bound:
        fail(f"{what} gave {value:.6g}, expected {expected:.6g}"
             + (f" {detail}" if detail else "") + f" (tolerance {bound:.2g})", hint=hint)
    return value


def ramp(value: float, *, floor: float, target: float, what: str, hint: str = "") -> None:
    """Full credit at `target` or better, none at `floor`, a straight line between.

    Works both ways: accuracy (higher is better, floor < target) and error (lower is
    better, floor > target).
    """
    higher_is_better = target >= floor
    if (value >= target) if higher_is_better else (value <= target):
        return
    score = max(0.0, min(1.0, (value - floor) / (target - floor)))
    side = "below" if higher_is_better else "above"
    fail(f"{what} is {value:.4g}, {side} the target of {target:g} "
         f"({score:.0%} credit on the ramp from {floor:g})", hint=hint, score=score)


def no_shortcuts(student: Any, item: Any, answer: str, other_cells: tuple[str, ...],
                 *args: Any) -> None:
    """No forbidden library call, neither in the answer's source nor in a traced call.

    `item` is the manifest's `Item` (its `forbidden` names); `args` are inputs on which the
    student's function is called under a trace of every torch function it reaches. Code
    that hides what it calls (`forbidden.unverifiable`), or a call that removes the trace,
    costs the gate too: the kit cannot verify that such an answer is written by hand.
    """
    from autograder.forbidden import static_uses, unverifiable
    from autograder.ops import TRACE_REMOVED

    found = static_uses(answer, item.forbidden, other_cells)
    _, called = student.traced(item.name, *args)  # an error in the call is judged elsewhere
    found += sorted(f"{name} (reached while running it)"
                    for name in called if name.lstrip("_") in item.forbidden)
    hiding = unverifiable(answer, other_cells)
    if TRACE_REMOVED in called:
        hiding.append(f"calling {item.name} removed the kit's trace of its torch calls")
    problems, hints = [], []
    if found:
        problems.append(f"{item.name} uses the library's own version: {', '.join(found)}")
        hints.append(f"Write {item.name} from scratch; the point is to see how it works. Not "
                     f"allowed here: {', '.join(item.forbidden)}.")
    if hiding:
        problems.append(f"the kit cannot verify that {item.name} is written by hand: "
                        f"{'; '.join(hiding)}")
        hints.append("Call the tensor operations you need by name (torch.exp, X.sum(...)): "
                     "no eval or exec, no attribute names computed at run time, no torch "
                     "internals (torch._C, torch.ops, the torch-function mode stack), no "
                     "frames or gc.")
    expect(not problems, "; and ".join(problems), hint=" ".join(hints))


def gradcheck(student: Any, name: str, args: tuple, wrt: int = 0) -> None:
    """`torch.autograd.gradcheck` of the student's op in float64, judged in the grader.

    The op runs with the student's code: its forward values give the numerical Jacobian
    (finite differences), its own autograd gives the analytical one (vector-Jacobian
    products through `student.grad`), and torch compares them here.
    """
    def with_input(x: torch.Tensor) -> tuple:
        return tuple(x if i == wrt else a for i, a in enumerate(args))

    class StudentOp(torch.autograd.Function):
        @staticmethod
        def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
            ctx.save_for_backward(x)
            out = tensor(student.call(name, *with_input(x.detach())),
                         f"{name} of a float64 input", dtype=torch.float64)
            return out.detach()

        @staticmethod
        def backward(ctx: Any, grad_output: torch.Tensor) -> torch.Tensor:
            (x,) = ctx.saved_tensors
            _, grads = student.grad(name, with_input(x.detach()), wrt=(wrt,),
                                    grad_output=grad_output)
            if not grads or grads[0] is None:
                fail(f"no gradient flows through {name} to its input")
            return grads[0]

    x = args[wrt].detach().double().requires_grad_(True)
    try:
        # fast mode: a random projection of the Jacobian, three calls instead of 2n + n
        torch.autograd.gradcheck(StudentOp.apply, (x,), eps=1e-6, atol=1e-5, rtol=1e-3,
                                 fast_mode=True)
    except GradcheckError as exc:
        first = str(exc).split(",")[0]  # "Jacobian mismatch for output 0 ...", no matrices
        fail(f"gradcheck of {name} in float64 failed: its autograd gradient does not match "
             f"finite differences of its own values ({first})")
