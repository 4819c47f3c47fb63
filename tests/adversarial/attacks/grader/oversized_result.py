# ruff: noqa
# Attack: answer with 560 MB, more than the grader reads from a worker (512 MB)
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: linreg
import torch


def linreg(X, w, b):
    """Wrong, and huge: two 280 MB tensors."""
    return [torch.zeros(70 * 1024**2), torch.zeros(70 * 1024**2)]
