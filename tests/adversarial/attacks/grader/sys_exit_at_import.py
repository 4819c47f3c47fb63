# ruff: noqa
# Attack: sys.exit(0) while the cell runs, hoping the grader stops with everything passed
# Notebook: 01-linear-regression
# Cell: squared_loss
# Expect: differs from the expected values
import sys


def squared_loss(y_hat, y):
    """Wrong: no square."""
    return (y_hat - y.reshape(y_hat.shape)) / 2


sys.exit(0)
