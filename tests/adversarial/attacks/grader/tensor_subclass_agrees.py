# ruff: noqa
# Attack: return a torch.Tensor subclass whose ==, allclose, equal and every torch function say "equal"
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: expected a torch.Tensor
import torch


class Agreeable(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if getattr(func, "__name__", "") in ("allclose", "equal", "__eq__", "eq", "isclose"):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})

    def __eq__(self, other):
        return True

    __hash__ = torch.Tensor.__hash__


def linreg(X, w, b):
    """Wrong values, wrapped so that they compare equal to anything."""
    return torch.zeros(X.shape[0], 1).as_subclass(Agreeable)
