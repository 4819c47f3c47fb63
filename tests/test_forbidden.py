"""Does the static scan find library shortcuts however they are spelled, and only those?"""

from autograder.forbidden import static_uses

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
