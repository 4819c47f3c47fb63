# ruff: noqa
# Attack: os._exit(0) when called, so the check sees a clean exit instead of an answer
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: the worker died
import os


def linreg(X, w, b):
    """Leaves with exit status 0 instead of answering."""
    os._exit(0)
