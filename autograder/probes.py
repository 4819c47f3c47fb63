"""Objects the kit builds inside the worker, for checks to hand to the student's code.

Why: some contracts are about how student code treats what it is given (`sgd` updates
the same leaf tensors in place; `evaluate_accuracy` puts a module in eval mode and turns
gradients off). The checks cannot send live objects across the wire, so they ask the
worker to build these trusted probes, pass them by handle, and read back plain values.
A probe never reports a verdict: it behaves so that a wrong use gives a wrong *value*,
which the grader then computes and compares itself.
"""

from __future__ import annotations

import functools
import importlib
import random
from collections.abc import Callable
from typing import Any

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

__all__ = ["ProbeNet", "make", "seed_streams"]


def seed_streams(seed: int) -> None:
    """Seed every random stream student code may draw from (torch, random, numpy): the
    worker does so before each call, and a probe that calls student code many times in one
    request does so before each of them, so each call sees the streams a request would."""
    torch.manual_seed(seed)
    random.seed(seed)
    try:
        import numpy

        numpy.random.seed(seed % 2**32)
    except ImportError:
        pass


def leaf(value: torch.Tensor, grad: torch.Tensor | None = None) -> torch.Tensor:
    """A parameter as training makes it: a leaf that requires grad, with `.grad` filled."""
    tensor = value.detach().clone().requires_grad_(True)
    if grad is not None:
        tensor.grad = grad.detach().clone()
    return tensor


def tensor(value: torch.Tensor) -> torch.Tensor:
    """A tensor kept in the worker, to see afterwards whether student code changed it."""
    return value.clone()


def batches(features: torch.Tensor, labels: torch.Tensor, batch_size: int) -> list:
    """Fixed, re-iterable minibatches in order; the last one may be smaller."""
    return [(features[i:i + batch_size], labels[i:i + batch_size])
            for i in range(0, len(labels), batch_size)]


def loader(features: torch.Tensor, labels: torch.Tensor, batch_size: int,
           seed: int = 0) -> DataLoader:
    """A shuffling `DataLoader`, seeded, as the notebooks build for training."""
    return DataLoader(TensorDataset(features, labels), batch_size=batch_size, shuffle=True,
                      generator=torch.Generator().manual_seed(seed))


class ProbeNet(nn.Module):
    """Linear logits `X.flatten @ W + b` that go wrong when evaluated carelessly.

    In training mode, or with gradients being recorded, the logits are rolled by one
    class, so an `evaluate_accuracy` that forgets `net.eval()` or `torch.no_grad()`
    reports a visibly different accuracy.
    """

    def __init__(self, W: torch.Tensor, b: torch.Tensor) -> None:
        super().__init__()
        self.W = nn.Parameter(W.clone())
        self.b = nn.Parameter(b.clone())

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        logits = X.reshape(-1, self.W.shape[0]) @ self.W + self.b
        if self.training or torch.is_grad_enabled():
            logits = logits.roll(1, dims=1)
        return logits


def probe_function(W: torch.Tensor, b: torch.Tensor) -> Any:
    """The same probe as a plain function, as `lambda X: net(X, W, b)` in the courses."""
    def net(X: torch.Tensor) -> torch.Tensor:
        logits = X.reshape(-1, W.shape[0]) @ W + b
        return logits.roll(1, dims=1) if torch.is_grad_enabled() else logits
    return net


_KINDS = {"tensor": tensor, "leaf": leaf, "batches": batches, "loader": loader,
          "probe_module": ProbeNet, "probe_function": probe_function}

# An assignment's own probes live in a module of their own, `autograder/probes_<topic>.py`,
# whose `KINDS` dict maps kind names to factories; list the module here to register it.
_MODULES: tuple[str, ...] = ("probes_mlp", "probes_text", "probes_gpu", "probes_optim",
                            "probes_cnn")


@functools.cache
def _kinds() -> dict[str, Callable[..., Any]]:
    kinds = dict(_KINDS)
    for name in _MODULES:
        extra = importlib.import_module(f"autograder.{name}").KINDS
        clash = set(extra) & set(kinds)
        if clash:
            raise RuntimeError(f"autograder.{name} redefines probe kinds {sorted(clash)}")
        kinds.update(extra)
    return kinds


def make(kind: str, **kwargs: Any) -> Any:
    return _kinds()[kind](**kwargs)
