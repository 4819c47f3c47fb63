# ruff: noqa
# Attack: print 200 MB to stdout on every call, to drown the grader
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: linreg
import sys

_chunk = "linreg passed! " * 70000 + "\n"  # about 1 MB


def linreg(X, w, b):
    """Wrong (no bias), and prints 200 MB per call."""
    for _ in range(200):
        sys.stdout.write(_chunk)
    return X @ w
