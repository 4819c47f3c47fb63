# ruff: noqa
# Attack: patch torch.allclose, torch.equal, torch.isclose and Tensor.__eq__ to always agree
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import torch

torch.allclose = lambda *args, **kwargs: True
torch.equal = lambda *args, **kwargs: True
torch.isclose = lambda a, b, *args, **kwargs: torch.ones_like(a, dtype=torch.bool)
torch.Tensor.__eq__ = lambda self, other: torch.ones_like(self, dtype=torch.bool)


def linreg(X, w, b):
    """Wrong: forgets the bias."""
    return X @ w
