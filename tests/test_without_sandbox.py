"""Does the suite pass on a machine where no OS sandbox can run, skipping only what needs one?

A fresh laptop or container may have no bubblewrap, or a `bwrap` that fails at start, and no
root to make namespaces with. There, the tests that only an OS sandbox can pass are
skipped, each with the one reason that names the install command, and counted at the end;
what the plain fallback can protect still runs; and `AUTOGRADER_REQUIRE_SANDBOX=1` (CI)
turns the skips into failures. Tried here in a pytest of its own, on such a machine made
up through the environment: a fake `bwrap` that exits at once, namespaces turned off.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tests.conftest import ROOT

NEEDS_SANDBOX = [
    "tests/test_sandbox.py::test_solutions_checks_and_home_are_invisible[bubblewrap]",
    "tests/test_sandbox.py::test_solutions_checks_and_home_are_invisible[namespaces]",
    "tests/adversarial/test_attacks.py::test_attack_gains_nothing"
    "[grader/reads_solutions]",
]
FALLBACK_CAN_DO = ["tests/test_sandbox.py::test_scratch_is_emptied_between_workers[plain]"]


def _pytest(tmp_path: Path, nodes: list[str], **env: str) -> tuple[int, str, dict[str, str]]:
    """Run pytest on `nodes` as on a machine without any sandbox; (code, output, outcomes)."""
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\n"
                    "exit 1\n")
    fake.chmod(0o755)
    report = tmp_path / "report.xml"
    environment = {k: v for k, v in os.environ.items() if k != "AUTOGRADER_REQUIRE_SANDBOX"}
    environment.update(AUTOGRADER_BWRAP=str(fake), AUTOGRADER_NO_NAMESPACES="1", **env)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                           "-p", "no:xdist", f"--junitxml={report}", *nodes],
                          cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=600)
    outcomes = {}
    for case in ElementTree.parse(report).iter("testcase"):
        kind = next((child.tag for child in case if child.tag in ("skipped", "failure",
                                                                   "error")), "passed")
        outcomes[case.get("name")] = kind
    return done.returncode, done.stdout + done.stderr, outcomes


def test_sandbox_tests_are_skipped_with_the_install_command(tmp_path: Path) -> None:
    """With no sandbox at all, do the sandbox-only tests skip with the install command, the
    run end in a count of them, and the rest pass?"""
    code, output, outcomes = _pytest(tmp_path, NEEDS_SANDBOX + FALLBACK_CAN_DO)
    assert code == 0, output[-3000:]
    assert sorted(outcomes.values()) == ["passed", "skipped", "skipped", "skipped"], outcomes
    assert "3 tests skipped because they need the OS sandbox" in output, output[-3000:]
    assert "apt-get install bubblewrap" in output


def test_ci_turns_those_skips_into_failures(tmp_path: Path) -> None:
    """With AUTOGRADER_REQUIRE_SANDBOX=1, does a sandbox-only test fail instead, saying why?"""
    code, output, outcomes = _pytest(tmp_path, NEEDS_SANDBOX[2:],
                                     AUTOGRADER_REQUIRE_SANDBOX="1")
    assert code == 1, output[-3000:]
    assert list(outcomes.values()) == ["failure"], outcomes
    assert "AUTOGRADER_REQUIRE_SANDBOX=1" in output and "No permissions" in output
