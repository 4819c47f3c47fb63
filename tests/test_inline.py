"""Do `check` and `points` work inside a student's own process, as in a notebook?"""

import linecache
import random

import pytest
import torch

from autograder import check, inline, manifest, points
from autograder.engine import load_reference
from tests.conftest import ROOT

LINEAR = load_reference(manifest.load("01-linear-regression"))
SOFTMAX = load_reference(manifest.load("03-softmax-regression"))


def test_check_prints_the_visible_table(capsys):
    """Does check() print the item's visible checks and return nothing?"""
    assert check("softmax", SOFTMAX.softmax) is None
    out = capsys.readouterr()
    assert "softmax: visible checks" in out.out and "4/4 checks passed" in out.out
    assert out.err == ""


def test_points_returns_the_item_points(capsys):
    """Does points() return the item's points as a float, for nbgrader's partial credit?"""
    assert points("softmax", SOFTMAX.softmax) == 2.0
    assert points("data_iter", LINEAR.data_iter) == 2.0  # a generator seeded per call
    assert capsys.readouterr().err == ""


def test_a_wrong_answer_gets_hints_and_partial_points(capsys):
    """Does a softmax without the max shift lose points, with the overflow hint printed?"""
    def softmax(X):
        X_exp = torch.exp(X)
        return X_exp / X_exp.sum(dim=1, keepdim=True)

    score = points("softmax", softmax)
    out = capsys.readouterr().out
    assert 0 < score < 2
    assert "1e4" in out and "max" in out


def test_stub_and_broken_objects_never_raise(capsys):
    """Do a stub and a non-function give 0 points with a message, never a traceback?"""
    def softmax(X):
        raise NotImplementedError()

    assert points("softmax", softmax) == 0.0
    assert points("softmax", 42) == 0.0
    out = capsys.readouterr()
    assert "not implemented yet" in out.out and out.err == ""


def test_unknown_name_is_reported():
    """Does a name that no assignment grades give a clear message instead of a crash?"""
    with pytest.raises(manifest.ManifestError, match="not a graded name"):
        check("no_such_function", len)
    assert points("no_such_function", len) == 0.0


def test_the_students_random_state_is_left_alone():
    """After the checks, do torch's and Python's random streams continue as before?"""
    torch.manual_seed(7)
    random.seed(7)
    expected = torch.rand(3), random.random()
    torch.manual_seed(7)
    random.seed(7)
    points("data_iter", LINEAR.data_iter)
    assert torch.equal(torch.rand(3), expected[0]) and random.random() == expected[1]


def test_a_shortcut_hidden_in_an_untaken_branch_is_found_through_history():
    """In a notebook, is an aliased F.softmax imported in another cell found, even unrun?"""
    cells = ["import torch\nfrom torch.nn.functional import softmax as sm\n",
             "def softmax(X):\n    if X.shape[0] > 10_000:\n        return sm(X, 1)\n"
             "    X_exp = torch.exp(X - X.max(dim=1, keepdim=True).values)\n"
             "    return X_exp / X_exp.sum(dim=1, keepdim=True)\n"]
    namespace = {"In": ["", *cells]}
    for cell in cells:
        exec(cell, namespace)
    assert points("softmax", namespace["softmax"]) == 0.0


# -- the notebook's screen: a table, and cells named as the student sees them ---------------
class _Compiler:
    def __init__(self, numbers: dict[str, int]) -> None:
        self._filename_map = numbers  # IPython's own record: file name -> cell number


class _Shell:
    """What `check` reads from a kernel's IPython: its compiler's cell numbers."""

    def __init__(self, numbers: dict[str, int]) -> None:
        self.compile = _Compiler(numbers)


def _cells(monkeypatch, cells: dict[str, tuple[int, str]]) -> dict:
    """Run cells as a kernel does: each compiled under its file name, its text in linecache,
    its number known to the (fake) shell; the namespace they defined."""
    namespace: dict = {"torch": torch}
    for filename, (_, source) in cells.items():
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        monkeypatch.setitem(linecache.cache, filename, linecache.cache[filename])
        exec(compile(source, filename, "exec"), namespace)
    shell = _Shell({filename: number for filename, (number, _) in cells.items()})
    monkeypatch.setattr(inline, "_shell", lambda: shell)
    monkeypatch.setattr("IPython.display.display", lambda view: print(repr(view)))
    return namespace


STUB_CELL = "def softmax(X):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"
KERNEL = "/tmp/ipykernel_4242/{}.py"


def test_cells_are_named_as_the_student_sees_them(monkeypatch):
    """The graded name's cell is "your `softmax` cell", another "cell [n]" as the notebook
    numbers it, one the shell does not know "another cell", and a file no cell (None)."""
    shell = _Shell({KERNEL.format(1): 3, KERNEL.format(2): 5})
    for filename, source in ((KERNEL.format(1), STUB_CELL),
                             (KERNEL.format(2), "def helper(X):\n    return X\n"),
                             (KERNEL.format(3), "x = 1\n")):
        monkeypatch.setitem(linecache.cache, filename,
                            (len(source), None, source.splitlines(True), filename))
    name = inline.cell_namer(("softmax", "cross_entropy"), shell)
    assert name(KERNEL.format(1)) == "your `softmax` cell"
    assert name(KERNEL.format(2)) == "cell [5]"
    assert name(KERNEL.format(3)) == "another cell"
    assert name("<ipython-input-7-0123456789ab>") == "another cell"
    assert name(torch.__file__) is None
    assert inline.cell_namer(("softmax",), object())(KERNEL.format(1)) == "your `softmax` cell"


def test_a_stub_says_it_is_not_implemented_in_its_own_cell(monkeypatch, capsys):
    """softmax raising NotImplementedError itself: "softmax is not implemented yet (your
    `softmax` cell, line 3: ...)", never the kernel's file name or "calls code that"."""
    namespace = _cells(monkeypatch, {KERNEL.format(11): (2, STUB_CELL)})
    check("softmax", namespace["softmax"])
    out = " ".join(capsys.readouterr().out.split())  # the table's lines unwrapped
    assert "softmax is not implemented yet (your `softmax` cell, line 3:" in out
    assert "raise NotImplementedError()" in out
    assert "ipykernel" not in out and "calls code" not in out


def test_a_stub_helper_in_another_cell_is_named_by_its_number(monkeypatch, capsys):
    """softmax calling a stub defined in cell [4]: "softmax calls code that is not
    implemented yet (cell [4], line 2: ...)"."""
    namespace = _cells(monkeypatch, {
        KERNEL.format(21): (4, "def helper(X):\n    raise NotImplementedError()\n"),
        KERNEL.format(22): (5, "def softmax(X):\n    return helper(X)\n")})
    check("softmax", namespace["softmax"])
    out = " ".join(capsys.readouterr().out.split())  # the table's lines unwrapped
    assert "softmax calls code that is not implemented yet (cell [4], line 2:" in out


def test_an_error_points_at_the_students_line_not_at_torch(monkeypatch, capsys):
    """A wrong call into torch's Python code is reported at the student's line."""
    namespace = _cells(monkeypatch, {KERNEL.format(31): (
        7, 'def softmax(X):\n    Y = X * 1\n    return torch.einsum("ij,k->i", Y, Y)\n')})
    check("softmax", namespace["softmax"])
    out = " ".join(capsys.readouterr().out.split())  # the table's lines unwrapped
    assert "(your `softmax` cell, line 3: return torch.einsum(" in out
    assert "functional.py" not in out


def test_in_a_notebook_check_displays_a_table_with_its_text(monkeypatch):
    """In IPython, check() displays one object: HTML (a row per check, coloured) and, as its
    text, exactly what a terminal prints."""
    shown = []
    monkeypatch.setattr(inline, "_shell", lambda: _Shell({}))
    monkeypatch.setattr("IPython.display.display", shown.append)
    check("softmax", SOFTMAX.softmax)
    (view,) = shown
    page = view._repr_html_()
    assert page.count('data-outcome="passed"') == 4 and "2 / 2 points" in page
    assert "#1a7f37" in page and "all 4 visible checks passed" in page
    assert repr(view).startswith("softmax: visible checks\nok  softmax")


def test_the_table_escapes_what_code_raised_and_marks_every_outcome():
    """Any text is shown as text; failed, forbidden and not-gradable checks read apart, and
    checks that failed alike share one row."""
    from autograder.results import CheckResult, ItemResult
    from autograder.rich import ItemView, render_html

    checks = (CheckResult("softmax_values", "softmax", False, message="got <script>x</script>",
                          hint="use `torch.exp`"),
              CheckResult("softmax_no_library", "softmax", False, gate=True, message="F.softmax"),
              CheckResult("softmax_speed", "softmax", False, gradable=False,
                          message="not gradable here: no GPU"),
              CheckResult("softmax_shape", "softmax", True, 1.0))
    page = render_html(ItemResult("softmax", 2.0, checks))
    assert "<script>" not in page and "got &lt;script&gt;x&lt;/script&gt;" in page
    assert "<code" in page and ">torch.exp</code>" in page
    assert [o for o in ("failed", "forbidden", "not-gradable", "passed")
            if f'data-outcome="{o}"' in page] == ["failed", "forbidden", "not-gradable", "passed"]
    assert "zeroes the whole item" in page and "no GPU" in page and "left out" in page
    stub = ItemResult("softmax", 2.0, tuple(
        CheckResult(f"softmax_{n}", "softmax", False, message="softmax is not implemented yet")
        for n in ("a", "b", "c")))
    page = render_html(stub)
    assert page.count("<tr ") == 1 and "all 3 checks" in page
    assert ItemView(stub, hidden=True).text.startswith("softmax: all checks\n--")


def test_a_real_kernel_shows_the_table_and_names_its_cells():
    """Executed by a real Jupyter kernel (nbclient): the check cell's output has the HTML
    and the plain text, the stub is "not implemented yet (your `softmax` cell, line 3", and
    a stub helper is in "cell [4]", as the notebook numbers it."""
    import nbformat
    from nbclient import NotebookClient

    cells = ["import torch\nfrom autograder import check", STUB_CELL, 'check("softmax", softmax)',
             "def helper(X):\n    raise NotImplementedError()",
             "def softmax(X):\n    return helper(X)", 'check("softmax", softmax)']
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    (own,), (helper,) = notebook.cells[2].outputs, notebook.cells[5].outputs
    assert own.output_type == helper.output_type == "display_data"
    assert 'class="autograder-check"' in own.data["text/html"]
    assert "softmax is not implemented yet (your `softmax` cell, line 3:" in \
        own.data["text/plain"]
    assert "softmax calls code that is not implemented yet (cell [4], line 2:" in \
        helper.data["text/plain"]
    assert "ipykernel" not in own.data["text/plain"] + helper.data["text/plain"]


@pytest.mark.parametrize("assignment", manifest.all_assignments(), ids=lambda a: a.id)
def test_points_gives_every_reference_its_points(assignment):
    """What nbgrader's hidden `points(...)` cells compute, in the student's own process:
    does every item of every assignment's reference earn all the points that can be
    graded here, as the worker's grading gives them (tests/test_grading.py)?"""
    reference = load_reference(assignment)
    for item in assignment.items:
        result = inline._run(item.name, getattr(reference, item.name), hidden=True)
        failures = [f"{c.id}: {c.message}" for c in result.checks if not c.passed
                    and c.gradable]
        assert result.score == result.max_score, (item.name, failures)
        assert result.max_score == item.points or assignment.gpu, item.name
