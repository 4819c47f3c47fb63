# ruff: noqa
# Attack: answer with tensors that have no values or are not dense: on the meta device, sparse, quantized
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: meta
import torch

calls = [0]


def linreg(X, w, b):
    """Right shapes, no usable values: meta, then sparse, then quantized, then nested."""
    calls[0] += 1
    kinds = [lambda: torch.empty(X.shape[0], 1, device="meta"),
             lambda: (X @ w).to_sparse(),
             lambda: torch.quantize_per_tensor(X @ w, 0.1, 0, torch.qint8),
             lambda: torch.nested.nested_tensor([(X @ w)[:, 0]])]
    return kinds[(calls[0] - 1) % len(kinds)]()
