"""Does the static scan find library shortcuts however they are spelled, and only those, and
flag code that hides what it calls, wherever the answer draws it from?"""

import nbformat
import pytest

from autograder import manifest
from autograder.forbidden import static_uses, unverifiable
from autograder.grade import grade_notebook

SOFTMAX = ["softmax", "log_softmax", "Softmax", "LogSoftmax"]


def test_attribute_calls_are_found():
    """Are F.softmax, torch.softmax, X.softmax() and nn.Softmax found, with their lines?"""
    for code in ["return F.softmax(X, 1)", "return torch.softmax(X, 1)",
                 "return X.softmax(dim=1)", "return nn.Softmax(dim=1)(X)"]:
        found = static_uses(f"def softmax(X):\n    {code}\n", SOFTMAX)
        assert found and found[0].endswith("(line 2)"), code


def test_renamed_imports_are_found():
    """Is `from torch.nn.functional import softmax as sm` in another cell still caught?"""
    found = static_uses("def softmax(X):\n    return sm(X, 1)\n", SOFTMAX,
                        ["from torch.nn.functional import softmax as sm"])
    assert found == ["sm (= torch.nn.functional.softmax) (line 2)"]


def test_own_names_and_text_are_not_flagged():
    """Are a variable named softmax, a docstring and a comment left alone?"""
    answer = ('def softmax(X):\n    """Unlike F.softmax, by hand."""\n'
              "    softmax = X.exp()  # torch.softmax would do it\n"
              "    return softmax / softmax.sum(1, keepdim=True)\n")
    assert static_uses(answer, SOFTMAX) == []


def test_syntax_errors_are_not_a_crash():
    """Does an answer that does not parse give no findings (its cell's error is reported)?"""
    assert static_uses("def softmax(X)\n    return", SOFTMAX) == []


def test_leading_underscores_and_constant_getattr_are_found():
    """Are torch._softmax and getattr(torch, "softmax") the library's softmax too?"""
    for code in ["return torch._softmax(X, 1, False)", 'return getattr(torch, "softmax")(X, 1)']:
        assert static_uses(f"def softmax(X):\n    {code}\n", SOFTMAX), code


HIDING = {
    "getattr with a computed name": 'return getattr(torch, "soft" + "max")(X, 1)',
    "eval(...)": 'return eval("torch.softmax")(X, 1)',
    "__import__(...)": 'return __import__("torch").softmax(X, 1)',
    "torch._C": "torch._C._pop_torch_function_stack()",
    "torch.ops": "return torch.ops.aten._softmax(X, 1, False)",
    "sys._getframe": "return sys._getframe(1).f_globals['torch'].softmax(X, 1)",
    "__dict__": 'return F.__dict__["soft" "max"](X, 1)',
}


def test_code_that_hides_its_calls_cannot_be_verified():
    """Do computed names, eval, torch internals and frames each make an answer unverifiable?"""
    setup = ["import sys\nimport torch\nimport torch.nn.functional as F"]
    for construct, code in HIDING.items():
        found = unverifiable(f"def softmax(X):\n    {code}\n", setup)
        assert any(construct in f for f in found), (construct, found)


def test_honest_code_near_the_rules_is_verifiable():
    """Are constant getattr, a name `ops`, net.modules() and operator.mul left alone?"""
    answer = ('import operator\n'
              'def softmax(X):\n'
              '    exp = getattr(torch, "exp")\n'
              '    ops = {"sum": torch.sum}\n'
              '    e = exp(X - X.amax(dim=1, keepdim=True))\n'
              '    return operator.truediv(e, ops["sum"](e, dim=1, keepdim=True))\n'
              'def count(net):\n'
              '    return len(list(net.modules()))\n')
    assert unverifiable(answer, ["import torch"]) == []


def test_a_dodge_in_a_helper_cell_is_found():
    """Is a computed name in another cell, which the answer calls, found and named?"""
    helper = "def helper(X):\n    return getattr(torch, 'soft' + 'max')(X, 1)\n"
    unrelated = "def other(X):\n    return eval('X')\n"
    found = unverifiable("def softmax(X):\n    return helper(X)\n",
                         ["import torch", helper, unrelated])
    assert found == ["getattr with a computed name (line 2 of the cell defining helper)"]


@pytest.mark.parametrize("assignment", manifest.all_assignments(), ids=lambda a: a.id)
def test_the_kits_own_cells_hide_nothing(assignment):
    """Do the setup and given cells (which answers may call) pass the same scan, so that
    using them never costs an honest student a gate?"""
    notebook = nbformat.read(assignment.path("source"), as_version=4)
    for cell in notebook.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and (grade_id == "setup" or grade_id.startswith("given_")):
            assert unverifiable(cell.source) == [], (grade_id, unverifiable(cell.source))


def test_a_helper_cell_that_removes_the_trace_costs_the_gate(tmp_path):
    """Graded end to end: softmax calls a helper, in a cell the student added, that takes the
    trace off the stack around torch.softmax; does the gate fail, saying why?"""
    assignment = manifest.load("03-softmax-regression")
    notebook = nbformat.read(assignment.path("source"), as_version=4)
    helper = ("def _quietly(X):\n    mode = torch._C._pop_torch_function_stack()\n"
              "    out = torch.softmax(X, dim=1)\n"
              "    torch._C._push_on_torch_function_stack(mode)\n    return out\n")
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in notebook.cells]
    notebook.cells.insert(ids.index("setup") + 1, nbformat.v4.new_code_cell(helper))
    notebook.cells[ids.index("softmax") + 1].source = "def softmax(X):\n    return _quietly(X)\n"
    path = tmp_path / f"{assignment.id}.ipynb"
    nbformat.write(notebook, path)
    item = grade_notebook(path, hidden=True, items=("softmax",)).item("softmax")
    assert item.score == 0
    gate = next(c for c in item.checks if c.gate)
    assert "cannot verify that softmax is written by hand" in gate.message
    assert "cell defining _quietly" in gate.message
