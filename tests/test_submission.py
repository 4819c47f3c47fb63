"""Is a submitted notebook read the way the exercise defines it?

Broken notebooks (unreadable files, damaged or relabelled cells, another assignment's
notebook) have their own tests, in tests/malformed/.
"""

import pytest

from autograder import manifest
from autograder.grade import grade_notebook
from autograder.submission import read_layout, read_submission

LINEAR = manifest.load("01-linear-regression")


@pytest.fixture(scope="module")
def layout():
    return read_layout(LINEAR.path("source"))


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


def test_our_checksum_is_nbgraders():
    """Is a cell's checksum, computed without nbformat, the one nbgrader stamps and checks
    (so "No response." is said exactly where nbgrader would say it)?"""
    import nbformat
    from nbgrader.utils import compute_checksum

    from autograder import manifest
    from autograder.notebook_file import read_notebook

    for assignment in manifest.all_assignments():
        ours = read_notebook(assignment.path("release")).cells
        theirs = nbformat.read(assignment.path("release"), as_version=4).cells
        for mine, cell in zip(ours, theirs, strict=True):
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id"):
                assert mine.checksum() == compute_checksum(cell), (assignment.id, mine.label)
