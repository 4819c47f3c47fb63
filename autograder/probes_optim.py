"""Probes for 09-optimizers: a problem to optimise, and the states an init function made.

Why: an optimizer's contract is about objects (the same parameter tensors updated in
place, states that are the init function's own tensors, a step counter kept in the
hyperparameter dict), so the checks need those objects to live in the worker, called the
way a training loop calls them, and read back afterwards through torch's own descriptors.

`Problem` is a smooth objective far from its optimum, `g = h * (p - target) + noise_k`,
with the gradient of every step set on the parameters by the kit before the student's
update is called, as `loss.backward()` would. It is built from float32 numbers, so the
grader's float64 copy (`dtype="float64"`) is the same problem exactly. `InitProbe` calls
an init function on parameters it keeps, and says what came back and whether each state
is a tensor of its own (it fills them in place and looks what else changed).
"""

from __future__ import annotations

import math
from typing import Any

import torch

__all__ = ["KINDS", "InitProbe", "Problem", "hyperparams", "learning_rates", "with_grad"]

_DTYPES = {"float32": torch.float32, "float64": torch.float64}
SHAPES = ((3, 4), (4,), ())


def _facts(value: Any) -> dict:
    """A tensor as torch itself sees it (no subclass can dress it up), or what it is."""
    if not isinstance(value, torch.Tensor):
        return {"kind": type(value).__name__}
    base = torch._C.TensorBase
    grad_fn = base.grad_fn.__get__(value)
    values = _values(value)
    return {"kind": "tensor", "class": type(value).__name__, "values": values,
            "shape": list(values.shape), "dtype": str(values.dtype).removeprefix("torch."),
            "requires_grad": base.requires_grad.__get__(value),
            "is_leaf": base.is_leaf.__get__(value),
            "grad_fn": None if grad_fn is None else type(grad_fn).__name__}


def _values(tensor: torch.Tensor) -> torch.Tensor:
    """A plain CPU copy of a tensor's values, whatever class it has been given."""
    base = torch._C.TensorBase
    with torch._C.DisableTorchFunction():
        return base.clone(base.cpu(base.detach(tensor)))


def _tensors(states: Any) -> list:
    """The tensors of a list of states, in order: one per param, or two (v, s) for Adam."""
    found = []
    for state in states:
        found.extend(state if isinstance(state, (tuple, list)) else [state])
    return found


def learning_rates(lr: float, steps: int) -> list[float]:
    """A schedule that changes the learning rate at every step, between lr / 2 and 3 lr / 2."""
    return [lr * (1 + 0.5 * math.sin(k / 5)) for k in range(steps)]


def hyperparams(**values: Any) -> dict:
    """The hyperparameter dict an update function gets, kept in the worker (`t` persists)."""
    return dict(values)


def with_grad(tensor: torch.Tensor, grad: torch.Tensor) -> torch.Tensor:
    """Set `tensor.grad`, as a backward pass would, on a tensor kept in the worker."""
    tensor.grad = grad.detach().clone()
    return tensor


class Problem:
    """Parameters of several shapes on a noisy quadratic whose optimum is far away.

    `states` is "zeros" (one tensor per parameter), "pairs" (a `(v, s)` pair each) or
    None, in which case the update function is given nothing it must keep.
    """

    def __init__(self, seed: int, states: str = "zeros", dtype: str = "float32",
                 steps: int = 100, noise: float = 0.2) -> None:
        generator = torch.Generator().manual_seed(seed)
        dtype_ = _DTYPES[dtype]
        self.params, self.curvature, self.target, self.noise = [], [], [], []
        for shape in SHAPES:
            start = torch.randn(shape, generator=generator)
            curvature = 0.05 + 0.15 * torch.rand(shape, generator=generator)
            side = torch.where(torch.rand(shape, generator=generator) < 0.5, -1.0, 1.0)
            target = side * (20 + 20 * torch.rand(shape, generator=generator))
            self.noise.append([(noise * torch.randn(shape, generator=generator)).to(dtype_)
                               for _ in range(steps)])
            self.params.append(start.to(dtype_).requires_grad_(True))
            self.curvature.append(curvature.to(dtype_))
            self.target.append(target.to(dtype_))
        zeros = [torch.zeros_like(p) for p in self.params]
        self.states = [] if states is None else zeros if states == "zeros" else \
            [(z, torch.zeros_like(z)) for z in zeros]
        self.given = (self.params, self.states)  # the lists the student's function gets
        self.originals = (list(self.params), _tensors(self.states))
        self.grads: list[list[torch.Tensor]] = []
        self.step = 0

    def set_grads(self) -> None:
        """The gradient at the parameters' current values, plus this step's noise."""
        grads = []
        for p, h, target, noise in zip(self.originals[0], self.curvature, self.target,
                                       self.noise, strict=True):
            grads.append(h * (_values(p).to(h.dtype) - target) + noise[self.step])
            p.grad = grads[-1].clone()
        self.grads.append(grads)
        self.step += 1

    def run(self, function: Any, hyper: dict, steps: int,
            lrs: list[float] | None = None) -> list[torch.Tensor]:
        """`steps` updates by `function`; each parameter's values before and after every
        step, as one tensor `(steps + 1, *shape)` per parameter."""
        path = [[_values(p) for p in self.originals[0]]]
        for k in range(steps):
            self.set_grads()
            if lrs is not None:
                hyper["lr"] = lrs[k]
            function(*self.given, hyper)
            path.append([_values(p) for p in self.originals[0]])
        return [torch.stack([row[j] for row in path]) for j in range(len(self.params))]

    def report(self) -> dict:
        """The lists as the function left them, and the original tensors' values now."""
        params, states = self.given
        now = _tensors(states)

        def same(current: list, originals: list) -> list[bool]:
            return [i < len(current) and current[i] is original
                    for i, original in enumerate(originals)]
        return {"params": [_facts(p) for p in params],
                "same_params": same(params, self.originals[0]),
                "same_states": same(now, self.originals[1]),
                "original_states": [_facts(s)["values"] for s in self.originals[1]],
                "original_params": [_facts(p)["values"] for p in self.originals[0]]}

    def gradient_history(self) -> list[list[torch.Tensor]]:
        return [[g.detach().clone() for g in grads] for grads in self.grads]


class InitProbe:
    """An init function called on parameters kept here, and what it gave back."""

    def __init__(self, function: Any, dtype: str = "float32") -> None:
        generator = torch.Generator().manual_seed(0)
        self.params = [torch.randn(shape, generator=generator).to(_DTYPES[dtype])
                       .requires_grad_(True) for shape in SHAPES]
        self.states = function(self.params)

    def describe(self) -> dict:
        """The result's type, and for each state its tensor facts (a pair for Adam)."""
        if not isinstance(self.states, (list, tuple)):
            return {"kind": type(self.states).__name__, "items": None}
        items = []
        for state in self.states:
            if isinstance(state, (tuple, list)):
                items.append({"kind": type(state).__name__, "items": [_facts(s) for s in state]})
            else:
                items.append(_facts(state))
        return {"kind": type(self.states).__name__, "items": items}

    def fill(self) -> dict:
        """Fill every state tensor in place with its own number (1, 2, ...), then read
        them and the parameters: tensors that are one and the same show the same number."""
        tensors = _tensors(self.states)
        with torch.no_grad():
            for number, tensor in enumerate(tensors, start=1):
                tensor.fill_(number)
        return {"states": [_facts(t)["values"] for t in tensors],
                "params": [_facts(p)["values"] for p in self.params]}


KINDS = {"optim_problem": Problem, "optim_init": InitProbe, "optim_hyperparams": hyperparams,
         "optim_with_grad": with_grad}
