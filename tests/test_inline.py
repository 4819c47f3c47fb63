"""Do `check` and `points` work inside a student's own process, as in a notebook?"""

import random

import pytest
import torch

from autograder import check, manifest, points
from autograder.engine import load_reference

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
