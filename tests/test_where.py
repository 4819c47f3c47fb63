"""In the grader, does an error name the cell and line as the student sees them?

The worker compiles each cell under a label ("cell 12 (softmax)"); a solution cell reads
"your `softmax` cell, line 8", and `softmax` raising NotImplementedError itself says
"softmax is not implemented yet", while an item whose helper is a stub says it "calls code
that is not implemented yet". (The notebook's side is in tests/test_inline.py.)
"""

import nbformat
import torch

from autograder import manifest
from autograder.engine import _verdict
from autograder.grade import grade_notebook
from autograder.ops import Interpreter
from autograder.student import StudentError
from tests.conftest import notebook_with

SOFTMAX = manifest.load("03-softmax-regression")


def _where(cells: list[tuple[str, str]], name: str) -> str:
    """Run the cells under their labels, as the worker does; where calling `name` failed."""
    interpreter = Interpreter()
    for label, source in cells:
        assert interpreter.handle({"op": "run_cell", "source": source, "label": label})["ok"]
    reply = interpreter.handle({"op": "call", "target": {"name": name},
                                "args": [{"__tensor__": torch.ones(2, 3)}]})
    assert not reply["ok"]
    return reply["error"]["where"]


def test_a_solution_cell_is_your_cell_and_others_keep_their_label():
    """"cell 12 (softmax)" reads "your `softmax` cell"; "cell 5" and "cell 2 (setup)" (no
    graded name) stay as they are."""
    stub = "def softmax(X):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"
    assert _where([("cell 12 (softmax)", stub)], "softmax") == "your `softmax` cell, line 3"
    helper = "def helper(X):\n    raise NotImplementedError()\n"
    calls = "def softmax(X):\n    return helper(X)\n"
    assert _where([("cell 5", helper), ("cell 12 (softmax)", calls)], "softmax") == \
        "cell 5, line 2"
    assert _where([("cell 2 (setup)", helper), ("cell 12 (softmax)", calls)], "softmax") == \
        "cell 2 (setup), line 2"


def test_an_error_in_torch_points_at_the_students_line():
    """The innermost frame in a cell is named, not torch's file that raised."""
    cell = ("import torch\n\ndef softmax(X):\n    Y = X * 1\n"
            "    return torch.einsum('ij,k->i', Y, Y)\n")
    assert _where([("cell 12 (softmax)", cell)], "softmax") == "your `softmax` cell, line 5"


def test_not_implemented_is_said_of_the_item_or_of_the_code_it_calls():
    """Its own cell: "softmax is not implemented yet"; another item's cell or a helper's:
    "... calls code that is not implemented yet"; no where at all: no empty brackets."""
    error = {"type": "NotImplementedError", "message": "", "where": "your `softmax` cell, line 8"}
    assert _verdict(StudentError(error), "softmax")[0] == \
        "softmax is not implemented yet (your `softmax` cell, line 8)"
    assert _verdict(StudentError(error), "softmax_regression")[0] == \
        "softmax_regression calls code that is not implemented yet (your `softmax` cell, line 8)"
    assert _verdict(StudentError({**error, "where": "cell 5, line 2"}), "softmax")[0] == \
        "softmax calls code that is not implemented yet (cell 5, line 2)"
    assert _verdict(StudentError({**error, "where": ""}), "softmax")[0] == \
        "softmax is not implemented yet"


def test_the_grader_names_the_students_cells(tmp_path):
    """Through the whole grader: the solved notebook with softmax left a stub."""
    release = nbformat.read(SOFTMAX.path("release"), as_version=4)
    stub = next(c.source for c in release.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "softmax")
    notebook = notebook_with(SOFTMAX.id, {"softmax": stub}, tmp_path / "nb.ipynb")
    result = grade_notebook(notebook, assignment=SOFTMAX, hidden=False,
                            items=("softmax", "softmax_regression"))
    messages = {i.name: {c.message for c in i.checks} for i in result.items}
    line = stub.splitlines().index("    raise NotImplementedError()") + 1
    assert messages == {
        "softmax": {f"softmax is not implemented yet (your `softmax` cell, line {line})"},
        "softmax_regression": {"softmax_regression calls code that is not implemented yet "
                               f"(your `softmax` cell, line {line})"}}
