# ruff: noqa
# Attack: patch builtins (isinstance, abs, all, any, len, float) so that any comparison passes
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import builtins

builtins.isinstance = lambda obj, kinds: True
builtins.abs = lambda x: 0
builtins.all = lambda iterable: True
builtins.any = lambda iterable: False
builtins.len = lambda obj: 0
builtins.AssertionError = type("AssertionError", (Exception,), {})


def linreg(X, w, b):
    """Wrong: subtracts the bias."""
    return X @ w - b
