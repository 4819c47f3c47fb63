# ruff: noqa
# Attack: rewrite the reference solution so that the wrong linreg matches it
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
from pathlib import Path

reference = Path("@@KIT_COPY@@") / "solutions" / "01-linear-regression.py"
try:
    text = reference.read_text()
    reference.write_text(text.replace("return X @ w + b", "return X @ w + b + 1"))
except OSError:
    pass


def linreg(X, w, b):
    """Wrong: adds 1; its gradients are right, so only the values can give it away."""
    return X @ w + b + 1
