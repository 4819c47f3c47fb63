# ruff: noqa
# Attack: copy the hidden checks and the reference solutions into the feedback, through an error message
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: your code raised ValueError
from pathlib import Path

kit = Path("@@KIT_ROOT@@")
leaked = []
for path in (kit / "autograder" / "checks" / "01-linear-regression" / "test_hidden.py",
             kit / "solutions" / "01-linear-regression.py"):
    try:
        text = path.read_text()
    except OSError:
        continue
    start = max(0, text.find("def test_linreg_matches_reference"))
    leaked.append(text[:200] + text[start:start + 600])


def linreg(X, w, b):
    """A stub whose error message carries whatever it could read."""
    raise ValueError("\n".join(leaked))
