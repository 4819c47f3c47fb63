# ruff: noqa
# Attack: os._exit(0) while the cell runs, so the worker vanishes with a "success" status
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: is not defined
# Expect: the worker died
import os


def linreg(X, w, b):
    """Correct, but its cell never finishes."""
    return X @ w + b


os._exit(0)
