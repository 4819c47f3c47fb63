"""Is a submitted notebook read the way the exercise defines it, whatever its state?"""

import json

import nbformat
import pytest

from autograder import manifest
from autograder.grade import grade_notebook
from autograder.submission import NotebookError, read_layout, read_notebook, read_submission

LINEAR = manifest.load("01-linear-regression")


@pytest.fixture(scope="module")
def layout():
    return read_layout(LINEAR.path("source"))


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b'{"cells": [', "not valid notebook JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}', "cannot be read"),
])
def test_broken_files_get_one_clear_message(tmp_path, content, message):
    """Is every way a file can fail to be a notebook one NotebookError that says how?"""
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    with pytest.raises(NotebookError, match=message):
        read_notebook(path)


def test_a_folder_and_duplicate_cell_ids(tmp_path):
    """Is a folder refused clearly, and a notebook with duplicate cell ids still read?"""
    with pytest.raises(NotebookError, match="not a file"):
        read_notebook(tmp_path)
    notebook = json.loads(LINEAR.path("source").read_text())
    notebook["cells"][3]["id"] = notebook["cells"][2]["id"]
    path = tmp_path / "twins.ipynb"
    path.write_text(json.dumps(notebook))
    assert len(read_notebook(path).cells) == len(notebook["cells"])


def test_demo_and_check_cells_do_not_run(layout):
    """Are demo and check cells skipped, and setup, given and solution cells run?"""
    submission = read_submission(LINEAR.path("source"), layout)
    labels = " ".join(label for label, _ in submission.cells)
    assert "(setup)" in labels and "(sgd)" in labels
    assert "demo_" not in labels and "check_" not in labels
    assert set(submission.answers) == {i.name for i in LINEAR.items}


def test_locked_cells_run_with_the_source_text(tmp_path, layout, make_notebook):
    """Does an edited setup cell run as the exercise wrote it, not as the student changed it?"""
    path = make_notebook(LINEAR.id, {"setup": "raise SystemExit('no setup for you')"})
    submission = read_submission(path, layout)
    setup = next(text for label, text in submission.cells if "(setup)" in label)
    assert "SystemExit" not in setup and "import torch" in setup


def test_deleted_and_duplicated_graded_cells(tmp_path, layout):
    """Are a deleted and a duplicated graded cell reported, with the rest still graded?"""
    notebook = nbformat.read(LINEAR.path("source"), as_version=4)
    cells = []
    for cell in notebook.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id == "linreg":
            continue
        cells.append(cell)
        if grade_id == "sgd":
            twin = nbformat.from_dict(json.loads(json.dumps(cell)))
            twin["id"] = "sgd-copy"
            cells.append(twin)
    notebook.cells = cells
    path = tmp_path / f"{LINEAR.id}.ipynb"
    nbformat.write(notebook, path)
    result = grade_notebook(path, hidden=False)
    problems = " ".join(result.problems)
    assert "missing" in problems and "linreg" in problems
    assert "'sgd' appears 2 times" in problems
    assert result.item("linreg").score == 0
    assert "linreg is not defined" in result.item("linreg").checks[0].message
    assert result.item("sgd").score == result.item("sgd").max_score


def test_notebook_of_another_assignment(tmp_path):
    """Is a notebook of another assignment reported as such, its missing names scoring zero?

    03's notebook happens to define a correct `sgd` (a given cell), which keeps its points:
    only what cannot be graded is lost.
    """
    other = manifest.load("03-softmax-regression").path("source")
    path = tmp_path / f"{LINEAR.id}.ipynb"
    path.write_bytes(other.read_bytes())
    result = grade_notebook(path, hidden=False)
    assert any("another assignment" in p for p in result.problems)
    for item in result.items:
        if item.name != "sgd":
            assert item.score == 0 and "is not defined" in item.checks[0].message


def test_old_nbformat_is_upgraded(tmp_path):
    """Is a notebook in nbformat 3 read (converted) instead of refused?"""
    v3 = nbformat.v3.new_notebook(worksheets=[nbformat.v3.new_worksheet(cells=[
        nbformat.v3.new_code_cell(input="x = 1")])])
    path = tmp_path / "old.ipynb"
    path.write_text(nbformat.v3.writes_json(v3) if hasattr(nbformat.v3, "writes_json")
                    else nbformat.writes(v3, version=3))
    assert read_notebook(path).cells[0].source == "x = 1"


def test_magics_run_as_python_and_a_broken_cell_is_named(make_notebook):
    """Do %magics and !commands cost nothing, and does a syntax error name its own cell?"""
    path = make_notebook(LINEAR.id, {
        "linreg": "%matplotlib inline\n!echo hi\ndef linreg(X, w, b):\n    return X @ w + b\n",
        "squared_loss": "%%time\ndef squared_loss(y_hat, y):\n"
                        "    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2\n",
        "sgd": "def sgd(params, lr, batch_size)\n    pass\n",
    })
    result = grade_notebook(path, hidden=False)
    assert result.item("linreg").score == result.item("linreg").max_score
    assert result.item("squared_loss").score == result.item("squared_loss").max_score
    message = result.item("sgd").checks[0].message
    assert "(sgd), failed: SyntaxError" in message, message
