"""Probes for 10-gpu: devices without a GPU, nested batches, training steps, timing banks.

Why these: on a machine with no GPU, the checks of 10-gpu still have to see what student
code does with devices. `FakeCuda` makes `torch.cuda` report GPUs for the length of one
call (the names are all `try_gpu` may read), `Structure` describes a nested batch by
container type, keys and each tensor's device, so a move to the `meta` device (shapes, no
values) shows what a move to a GPU would do. `TrainSetup` is a seeded model, optimizer,
loss and batches to hand to `train_step`; the grader builds the same one in its own
process for the reference. The banks are the fresh inputs of the timing requests
(`ops` `repeat`): entry `i` depends only on the seed and `i`, so banks of different
lengths agree on the entries they share.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import torch
from torch import nn

__all__ = ["KINDS", "FakeCuda", "Structure", "TrainSetup", "describe", "difference",
           "loss_scale", "matmul_bank", "moved", "shown", "train_bank"]

_DTYPES = {"float32": torch.float32, "float64": torch.float64}


def describe(value: Any) -> dict:
    """A nested value as plain data: containers by type and keys, tensors by device,
    dtype and shape (with their values unless on `meta`), anything else by its repr."""
    kind = type(value)
    if kind in (torch.Tensor, nn.Parameter):
        base = torch._C.TensorBase
        facts = {"kind": "tensor", "device": str(base.device.__get__(value)),
                 "dtype": str(base.dtype.__get__(value)).removeprefix("torch."),
                 "shape": list(base.shape.__get__(value))}
        if not value.is_meta:
            with torch._C.DisableTorchFunction():
                facts["values"] = base.clone(base.cpu(base.detach(value)))
        return facts
    if kind is torch.device:
        return {"kind": "device", "text": str(value)}
    if isinstance(value, (tuple, list)):
        return {"kind": kind.__name__, "container": "sequence",
                "items": [describe(v) for v in value]}
    if isinstance(value, dict):
        return {"kind": kind.__name__, "container": "mapping",
                "items": [[k if isinstance(k, (str, int)) else repr(k), describe(v)]
                          for k, v in value.items()]}
    return {"kind": "other", "class": kind.__name__, "repr": repr(value)[:80]}


def shown(facts: dict) -> str:
    """A description (`describe`) in a few words, for a message."""
    if facts["kind"] == "tensor":
        return f"a {facts['dtype']} tensor of shape {tuple(facts['shape'])} on {facts['device']}"
    if facts["kind"] == "device":
        return f"torch.device('{facts['text']}')"
    if facts["kind"] == "other":
        return f"{facts['class']} {facts['repr']}"
    return f"a {facts['kind']} of {len(facts['items'])} items"


def moved(facts: dict, device: str) -> dict:
    """The description of the same value once every tensor in it is on `device`."""
    if facts["kind"] == "tensor":
        result = {**facts, "device": device}
        if device == "meta":
            result.pop("values", None)  # a meta tensor has no values
        return result
    if facts.get("container") == "sequence":
        return {**facts, "items": [moved(v, device) for v in facts["items"]]}
    if facts.get("container") == "mapping":
        return {**facts, "items": [[k, moved(v, device)] for k, v in facts["items"]]}
    return facts


def difference(got: dict, want: dict, at: str = "") -> str | None:
    """Where two descriptions first differ, said for a student; None when they agree."""
    where = f" at {at}" if at else ""
    if got["kind"] != want["kind"]:
        return f"got {shown(got)}{where}, expected {shown(want)}"
    if want["kind"] == "tensor":
        for fact in ("device", "dtype", "shape"):
            if got[fact] != want[fact]:
                return f"got {shown(got)}{where}, expected {shown(want)}"
        if "values" in want and not torch.equal(got.get("values"), want["values"]):
            return f"the values of the tensor{where} changed; moving must not change them"
        return None
    if "container" not in want:
        same = got.get("repr", got.get("text")) == want.get("repr", want.get("text"))
        return None if same else f"got {shown(got)}{where}, expected {shown(want)}"
    if len(got["items"]) != len(want["items"]):
        return (f"got a {got['kind']} of {len(got['items'])} items{where}, expected "
                f"{len(want['items'])}: keep every element and every key")
    for index, (g, w) in enumerate(zip(got["items"], want["items"], strict=True)):
        if want["container"] == "sequence":
            found = difference(g, w, f"{at}[{index}]")
        elif g[0] != w[0]:
            return f"got key {g[0]!r}{where}, expected {w[0]!r} (keep every key, in order)"
        else:
            found = difference(g[1], w[1], f"{at}[{w[0]!r}]")
        if found:
            return found
    return None


class Structure:
    """A value kept in the worker (a batch handed to `to_device`, or what it returned)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def describe(self) -> dict:
        return describe(self.value)


class FakeCuda:
    """`torch.cuda` as on a machine with `count` GPUs, for the length of one call.

    Patches `torch.cuda.is_available` and `torch.cuda.device_count`, and the function's
    own global names for them (`from torch.cuda import device_count`), then puts all back.
    """

    def __init__(self, count: int) -> None:
        self.count = count

    def run(self, function: Any, *args: Any) -> dict:
        real = {"is_available": torch.cuda.is_available, "device_count": torch.cuda.device_count}
        fake = {"is_available": lambda: self.count > 0, "device_count": lambda: self.count}
        names = getattr(function, "__globals__", {})
        rebound = {n: v for n, v in names.items()
                   if any(v is f for f in real.values()) and not isinstance(v, type)}
        try:
            for attr, replacement in fake.items():
                setattr(torch.cuda, attr, replacement)
            for name, value in rebound.items():
                names[name] = fake["is_available" if value is real["is_available"]
                                   else "device_count"]
            return describe(function(*args))
        finally:
            for attr, original in real.items():
                setattr(torch.cuda, attr, original)
            names.update(rebound)


def _init(model: nn.Module, generator: torch.Generator, scale: float) -> None:
    with torch.no_grad():
        for param in model.parameters():
            param.copy_(scale * torch.randn(param.shape, generator=generator))


class TrainSetup:
    """A seeded two-layer network, SGD with momentum, cross-entropy, and batches.

    The labels come from a fixed random teacher, so training makes progress. With
    `stale_grads`, every parameter starts with a random `.grad` left over, as after a
    backward pass that no step consumed. `dtype="float64"` is the grader's exact copy.
    """

    def __init__(self, seed: int, num_inputs: int, num_hiddens: int, num_outputs: int,
                 batch_size: int, num_batches: int, lr: float, momentum: float = 0.0,
                 device: str = "cpu", dtype: str = "float32",
                 stale_grads: bool = False) -> None:
        generator = torch.Generator().manual_seed(seed)
        self.model = nn.Sequential(nn.Linear(num_inputs, num_hiddens), nn.ReLU(),
                                   nn.Linear(num_hiddens, num_outputs))
        _init(self.model, generator, 1 / num_inputs ** 0.5)
        teacher = torch.randn(num_inputs, num_outputs, generator=generator)
        self.batches = []
        for _ in range(num_batches):
            X = torch.randn(batch_size, num_inputs, generator=generator)
            self.batches.append((X, (X @ teacher).argmax(dim=1)))
        if stale_grads:
            for param in self.model.parameters():
                param.grad = torch.randn(param.shape, generator=generator)
        self.model.to(device=device, dtype=_DTYPES[dtype])
        self.batches = [(X.to(device=device, dtype=_DTYPES[dtype]), y.to(device))
                        for X, y in self.batches]
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=lr, momentum=momentum)
        self.loss_fn = nn.CrossEntropyLoss()

    def entries(self) -> list:
        """One `train_step` call per batch, all on the same model and optimizer."""
        return [((self.model, X, y, self.optimizer, self.loss_fn), {}) for X, y in self.batches]

    def run(self, function: Any, steps: int) -> list:
        """What `function` returned on each of the first `steps` batches, in order."""
        return [function(*args, **kwargs) for args, kwargs in self.entries()[:steps]]

    def state(self) -> dict[str, torch.Tensor]:
        """The parameters now, as plain CPU tensors by name."""
        return {k: describe(v).get("values") for k, v in self.model.state_dict().items()}

    def parameter_devices(self) -> list[str]:
        return sorted({str(p.device) for p in self.model.parameters()})


def loss_scale(model: nn.Sequential, X: torch.Tensor, y: torch.Tensor) -> float:
    """The magnitude a `TrainSetup` network's mean cross-entropy is computed from: per
    example, the largest logit and the true class's, each as large as the sums of
    absolute products behind it (`|W2| (|W1| |X| + |b1|) + |b2|`)."""
    first, second = model[0], model[2]
    with torch.no_grad():
        hidden = X.abs() @ first.weight.abs().T + first.bias.abs()
        logits = hidden @ second.weight.abs().T + second.bias.abs()
        per_example = logits.amax(dim=1) + logits.gather(1, y.reshape(-1, 1)).reshape(-1)
    return float(per_example.mean())


def matmul_bank(seed: int, calls: int, device: str, shape: list[int],
                dtype: str = "float32") -> list:
    """`calls` fresh pairs `(A, B)`, `A` of shape `(b, n, m)` and `B` `(b, m, p)`."""
    b, n, m, p = shape
    generator = torch.Generator().manual_seed(seed)
    entries = []
    for _ in range(calls):
        A = torch.randn(b, n, m, generator=generator, dtype=_DTYPES[dtype])
        B = torch.randn(b, m, p, generator=generator, dtype=_DTYPES[dtype])
        entries.append(((A.to(device), B.to(device)), {}))
    return entries


def train_bank(seed: int, calls: int, device: str, **sizes: Any) -> list:
    """`calls` training steps of one `TrainSetup`, one fresh batch each."""
    return TrainSetup(seed, num_batches=calls, device=device, **sizes).entries()


def keep(value: Any, ordered: bool = False) -> Any:
    """A value (a fresh copy of what the grader sent) kept in the worker, by handle; with
    `ordered`, a dict is made an `OrderedDict` (the wire carries dicts as plain dicts)."""
    return OrderedDict(value) if ordered else value


KINDS = {"gpu_structure": Structure, "gpu_keep": keep, "gpu_fake_cuda": FakeCuda,
         "gpu_train_setup": TrainSetup, "gpu_matmul_bank": matmul_bank,
         "gpu_train_bank": train_bank}
