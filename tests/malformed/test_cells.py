"""Do broken, deleted, doubled or relabelled cells cost only the items they hold?

The notebooks are 01-linear-regression's solved source with some cells damaged, so every
item not damaged must keep full marks. Two notebooks go through a worker (one per kind of
damage: cells, then metadata); the rest is read without one.
"""

from __future__ import annotations

import copy

from autograder.grade import grade_notebook
from autograder.submission import read_submission
from tests.malformed.damage import (
    LINEAR,
    find,
    mutant,
    next_one_graded_in_full,
    number,
    save,
    solved,
)

RESTORE = "copy the cell back from the released notebook and put your code in it"


def texts(submission) -> list[str]:
    return [text for _, text in submission.cells]


def scores(result) -> dict[str, float]:
    return {item.name: item.score for item in result.items}


def full_marks_but(result, **scores_of) -> dict[str, float]:
    """Every item at full marks except those named, at the scores given."""
    return {item.name: scores_of.get(item.name, item.max_score) for item in result.items}


def _junk(notebook: dict) -> None:
    """After the setup cell: a string, a cell without cell_type, one without a source."""
    notebook["cells"][3:3] = [
        "print('not a cell')",
        {"metadata": {}, "source": "x = 1"},
        {"cell_type": "code", "metadata": "none", "source": None, "outputs": []},
        {"cell_type": "code", "metadata": {}, "source": ["y = ", 2], "outputs": []},
    ]


def test_cells_that_are_not_cells_are_left_out(tmp_path, layout, original):
    """Are a string, a typeless cell and sourceless cells named, and the rest read as usual?"""
    notebook = solved()
    _junk(notebook)
    submission = read_submission(save(notebook, tmp_path / "junk.ipynb"), layout)
    assert submission.answers == original.answers
    assert texts(submission) == texts(original)
    assert submission.problems == (
        'cell 4 is not a notebook cell (expected a JSON object with "cell_type" and "source", '
        "found a string): it was left out",
        'cell 5 is not a valid cell: expected "cell_type" "code", "markdown" or "raw", found '
        "null: copy the cell back from the released notebook",
        'cell 6 has no valid "source" (expected text or a list of lines, found null): it was '
        "read as empty",
        'cell 7 has no valid "source" (expected text or a list of lines, found a JSON array): '
        "it was read as empty",
    )


def test_a_graded_cell_without_a_type_is_missing_with_its_reason(tmp_path, layout):
    """Does a graded cell that lost its cell_type say so, for its item's message?"""
    notebook = solved()
    del find(notebook, "linreg")["cell_type"]
    submission = read_submission(save(notebook, tmp_path / "typeless.ipynb"), layout)
    cell = number(notebook, find(notebook, "linreg"))
    assert "linreg" not in submission.answers
    assert submission.missing["linreg"].why == (
        f"its cell, cell {cell} (linreg), is a cell without a valid cell_type, not code, so "
        "it did not run")
    assert f'cell {cell} (linreg) is not a valid cell: expected "cell_type"' in \
        submission.problems[0]


def test_shared_cell_ids_do_not_hide_a_cell(tmp_path, layout, original):
    """Does a cell that shares a demo's id still run, and the demo still not?"""
    notebook = solved()
    demo = find(notebook, "demo_sgd_step")
    added = {"cell_type": "code", "id": demo["id"], "metadata": {}, "outputs": [],
             "execution_count": None, "source": "print('my own test')"}
    notebook["cells"].append(added)
    submission = read_submission(save(notebook, tmp_path / "ids.ipynb"), layout)
    assert texts(submission) == [*texts(original), "print('my own test')"]
    assert submission.problems == (
        f"cell id '{demo['id']}' is carried by cells {number(notebook, demo)} and "
        f"{number(notebook, added)}, but ids must be unique: the cells were told apart by "
        "their grade ids; JupyterLab renews duplicate ids when it opens and saves the notebook",)


def test_deleted_doubled_and_broken_cells_cost_only_their_items(tmp_path, layout):
    """Graded in one notebook: each damage costs its own item and nothing else.

    - linreg's cell deleted: linreg 0, the message names its cell as missing;
    - the setup cell deleted: run as given, nothing lost;
    - sgd doubled, the first copy wrong: the last counts, full marks;
    - squared_loss doubled, the last copy wrong: the last counts, 0;
    - data_iter's cell carries its check cell's id: full marks;
    - junk cells (not cells, no type, no source): left out, nothing lost.
    """
    notebook = solved()
    cells = notebook["cells"]
    cells.remove(find(notebook, "linreg"))
    cells.remove(find(notebook, "setup"))
    sgd = find(notebook, "sgd")
    first_sgd = {**copy.deepcopy(sgd), "id": "sgd-first",
                 "source": mutant("sgd__no_divide_by_batch_size")}
    cells.insert(cells.index(sgd), first_sgd)
    loss = find(notebook, "squared_loss")
    last_loss = {**copy.deepcopy(loss), "id": "loss-last",
                 "source": mutant("squared_loss__no_half")}
    cells.insert(cells.index(loss) + 2, last_loss)  # after its check cell
    find(notebook, "data_iter")["id"] = find(notebook, "check_data_iter")["id"]
    _junk(notebook)

    path = save(notebook, tmp_path / f"{LINEAR.id}.ipynb")
    answers = read_submission(path, layout).answers
    assert answers["sgd"] == "".join(sgd["source"]) and answers["squared_loss"] == \
        last_loss["source"]  # the last copies: what the static checks read
    result = grade_notebook(path, assignment=LINEAR)

    assert scores(result) == full_marks_but(result, linreg=0, squared_loss=0)
    assert result.score == LINEAR.max_score - 2
    for check in result.item("linreg").checks:
        assert check.message == "linreg is not defined: its graded cell is not in this " \
                                "notebook (deleted?)"
        assert check.hint == "Copy the cell back from the released notebook and put your " \
                             "code in it."
    problems = "\n".join(result.problems)
    assert f"graded cells missing (deleted?): linreg: {RESTORE}" in problems
    assert "cells given by the exercise were deleted and were run as given: setup" in problems
    for name, last in (("sgd", sgd), ("squared_loss", last_loss)):
        copies = sorted(number(notebook, c) for c in (sgd, first_sgd, loss, last_loss)
                        if c["metadata"]["nbgrader"]["grade_id"] == name)
        assert (f"graded cell '{name}' appears 2 times (cells {copies[0]} and {copies[1]}): "
                f"all of them ran, in order, and the last one (cell {number(notebook, last)}) "
                "is the one graded") in problems
    assert "cell id 'check-data-iter' is carried by cells" in problems
    assert "cell 4 is not a notebook cell" in problems and "failed:" not in problems
    assert next_one_graded_in_full(tmp_path)


def test_relabelled_cells_are_graded_by_what_they_define(tmp_path, layout):
    """Graded in one notebook: lost or changed metadata costs nothing it need not.

    - synthetic_data's cell turned into markdown: it did not run, 0, and the message says
      how to turn it back;
    - LinearRegression's metadata removed, train_linear_regression's grade id removed,
      sgd's grade id changed: each is found by the name it defines, full marks, and its
      text is the answer the static checks read.
    """
    notebook = solved()
    synthetic = find(notebook, "synthetic_data")
    synthetic["cell_type"] = "markdown"
    del synthetic["outputs"], synthetic["execution_count"]
    model = find(notebook, "LinearRegression")
    model["metadata"], model["id"] = {}, "my-model"
    train = find(notebook, "train_linear_regression")
    del train["metadata"]["nbgrader"]["grade_id"]
    sgd = find(notebook, "sgd")
    sgd["metadata"]["nbgrader"]["grade_id"] = "my_sgd"
    path = save(notebook, tmp_path / f"{LINEAR.id}.ipynb")

    submission = read_submission(path, layout)
    assert submission.answers["sgd"] == "".join(sgd["source"])
    assert submission.answers["LinearRegression"] == "".join(model["source"])
    result = grade_notebook(path, assignment=LINEAR)

    assert scores(result) == full_marks_but(result, synthetic_data=0)
    cell = number(notebook, synthetic)
    for check in result.item("synthetic_data").checks:
        assert check.message == (f"synthetic_data is not defined: its cell, cell {cell} "
                                 "(synthetic_data), is a markdown cell, not code, so it did "
                                 "not run")
        assert "press Y in JupyterLab" in check.hint
    assert result.problems == (
        f"cell {cell} (synthetic_data), the graded cell of synthetic_data, is a markdown "
        "cell, not code, so it did not run: make it a code cell again",
        f"no cell has the grade id 'sgd' (its nbgrader metadata was removed or changed), so "
        f"cell {number(notebook, sgd)} (my_sgd), which defines sgd, was graded in its place: "
        f"{RESTORE}",
        "no cell has the grade id 'LinearRegression' (its nbgrader metadata was removed or "
        f"changed), so cell {number(notebook, model)}, which defines LinearRegression, was "
        f"graded in its place: {RESTORE}",
        "no cell has the grade id 'train_linear_regression' (its nbgrader metadata was "
        f"removed or changed), so cell {number(notebook, train)}, which defines "
        f"train_linear_regression, was graded in its place: {RESTORE}",
    )
    assert next_one_graded_in_full(tmp_path)
