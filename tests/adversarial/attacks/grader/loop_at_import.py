# ruff: noqa
# Attack: an endless loop while the cell runs, to hold up the grader
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: is not defined
# Expect: timed out
def linreg(X, w, b):
    """Correct, but its cell never finishes."""
    return X @ w + b


while True:
    pass
