# ruff: noqa
# Attack: raise SystemExit("all checks passed") when called
# Notebook: 01-linear-regression
# Cell: squared_loss
# Expect: SystemExit
import sys


def squared_loss(y_hat, y):
    """Leaves through sys.exit with a message that sounds like a verdict."""
    sys.exit("all checks passed: 10/10")
