# ruff: noqa
# Attack: read another student's submitted notebook and use their linreg
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: not implemented
import json


def linreg(X, w, b):
    """A stub that runs a classmate's linreg cell if it can read their notebook."""
    try:
        with open("@@OTHER_NOTEBOOK@@") as f:
            cells = json.load(f)["cells"]
    except OSError:
        raise NotImplementedError()
    for cell in cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "linreg":
            namespace = {}
            exec("import torch\n" + "".join(cell["source"]), namespace)
            return namespace["linreg"](X, w, b)
    raise NotImplementedError()
