"""Does the `autograder` command answer as documented: table, JSON, exit codes?

The first test runs the real console command in a process of its own; the others call the
same `main` in this process (`run_cli`), which spares each an interpreter importing torch.
"""

import json
import subprocess
import sys

from autograder import manifest
from tests.conftest import run_cli as run

SOFTMAX = manifest.load("03-softmax-regression")


def test_json_has_the_documented_shape():
    """Does --json print assignment, score, max_score and items with their checks?"""
    done = subprocess.run([sys.executable, "-m", "autograder", "check", "--hidden", "--json",
                           str(SOFTMAX.path("source"))], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["assignment"] == SOFTMAX.id
    assert result["score"] == result["max_score"] == SOFTMAX.max_score
    assert [i["name"] for i in result["items"]] == [i.name for i in SOFTMAX.items]
    for item in result["items"]:
        assert {"name", "score", "max_score", "checks"} <= set(item)
        for check in item["checks"]:
            assert {"id", "passed", "message"} <= set(check)


def test_failing_submission_is_not_an_error_exit():
    """Does a notebook that earns nothing still exit 0, with hints in the table?"""
    done = run("check", str(SOFTMAX.path("release")))
    assert done.returncode == 0, done.stderr
    assert "Score: 0 / 10" in done.stdout
    assert "not implemented yet" in done.stdout and "hint:" in done.stdout


def test_unreadable_notebook_is_an_error_with_one_line(tmp_path):
    """Does a notebook that is not JSON exit 1 with one clear line, not a traceback?"""
    broken = tmp_path / f"{SOFTMAX.id}.ipynb"
    broken.write_text('{"cells": [')
    done = run("check", str(broken))
    assert done.returncode == 1
    assert "not valid notebook JSON" in done.stderr and "Traceback" not in done.stderr


def test_unknown_assignment_and_missing_file():
    """Are a file that does not exist and a name that fits no assignment clear errors?"""
    assert "no such notebook" in run("check", "nowhere.ipynb").stderr
    done = run("check", str(SOFTMAX.path("source")), "--assignment", "99-nope")
    assert done.returncode == 1 and "no assignment '99-nope'" in done.stderr
