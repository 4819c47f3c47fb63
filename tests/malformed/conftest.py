"""Fixtures the malformed-notebook tests share: the exercise's layout and an undamaged read."""

import pytest

from autograder.submission import read_layout, read_submission
from tests.malformed.damage import LINEAR


@pytest.fixture(scope="module")
def layout():
    return read_layout(LINEAR.path("source"))


@pytest.fixture(scope="module")
def original(layout):
    """The solved source, read as a submission: what an undamaged notebook gives."""
    return read_submission(LINEAR.path("source"), layout)
