# ruff: noqa
# Attack: an endless loop inside the graded function, to hold up the grader
# Notebook: 01-linear-regression
# Cell: squared_loss
# Expect: timed out
def squared_loss(y_hat, y):
    """Never returns."""
    while True:
        pass
