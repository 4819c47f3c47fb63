# ruff: noqa
# Attack: kill the worker (os._exit) on every call of a function that four checks call
# Notebook: 01-linear-regression
# Cell: sgd
# Expect: the worker died
import os


def sgd(params, lr, batch_size):
    """Leaves instead of updating, every time it is called."""
    os._exit(0)
