# ruff: noqa
# Attack: change torch's global state at import and in a call (dtype, device, seeds, threads, grad, modes) to break later checks
# Notebook: 01-linear-regression
# Cell: data_iter
# Earns: 1.5
# Expect: random order
import random

import torch
from torch.overrides import TorchFunctionMode


_kept = []


def _wreck():
    torch.set_default_dtype(torch.float64)
    torch.set_default_device("meta")
    torch.manual_seed(0)
    random.seed(0)
    torch.set_num_threads(2)
    torch.set_grad_enabled(False)
    torch.autograd.set_detect_anomaly(True)
    torch.use_deterministic_algorithms(True)
    torch.set_flush_denormal(True)
    torch.set_printoptions(precision=1)
    _kept.append(torch.inference_mode(True))
    _kept[-1].__enter__()


class Zeros(TorchFunctionMode):
    """Left on the mode stack: every later torch call returns zeros where it can."""

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        return torch.zeros_like(out) if isinstance(out, torch.Tensor) and out.is_floating_point() else out


_wreck()
Zeros().__enter__()


def data_iter(batch_size, features, labels):
    """Wrong: never shuffles; wrecks the global state again on every call."""
    _wreck()
    for i in range(0, len(features), batch_size):
        yield features[i:i + batch_size], labels[i:i + batch_size]
