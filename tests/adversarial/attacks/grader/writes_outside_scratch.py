# ruff: noqa
# Attack: write files outside the worker's scratch folder (the course folder, the home folder)
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import os
from pathlib import Path

for target in (Path("@@TRAP_DIR@@") / "written-at-import",
               Path("@@OTHER_NOTEBOOK@@").parent / "alice-was-here",
               Path.home() / "alice-was-here"):
    try:
        target.write_text("alice was here")
        if target.parent != Path("@@TRAP_DIR@@"):
            (Path("@@TRAP_DIR@@") / f"wrote-{target.name}-in-{target.parent.name}").touch()
            os.remove(target)
    except OSError:
        pass


def linreg(X, w, b):
    """Wrong (no bias), and writes outside its scratch folder when called."""
    try:
        (Path("@@TRAP_DIR@@") / "written-in-call").write_text("alice was here")
    except OSError:
        pass
    return X @ w
