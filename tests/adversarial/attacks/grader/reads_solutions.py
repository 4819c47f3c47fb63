# ruff: noqa
# Attack: load the reference linreg from solutions/ and return its answer
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: not implemented
import ast
from pathlib import Path


def linreg(X, w, b):
    """A stub that borrows the reference's answer if it can read solutions/."""
    try:
        text = (Path("@@KIT_ROOT@@") / "solutions" / "01-linear-regression.py").read_text()
    except OSError:
        raise NotImplementedError()
    tree = ast.parse(text)
    tree.body = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "linreg"]
    namespace = {}
    exec(compile(tree, "reference", "exec"), namespace)
    return namespace["linreg"](X, w, b)
