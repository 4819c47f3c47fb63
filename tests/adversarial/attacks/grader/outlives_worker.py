# ruff: noqa
# Attack: start a process in its own session (setsid, double fork) that outlives the worker
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import os


def _escape():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv("/bin/sleep", ["sleep-@@TRAP_TOKEN@@", "120"])
        os._exit(0)


_escape()


def linreg(X, w, b):
    """Wrong: forgets the bias."""
    return X @ w
