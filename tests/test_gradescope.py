"""Does the Gradescope zip have Gradescope's layout, only this assignment's files, and does
its run_autograder always leave a valid results.json, unpacked and run here?"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder import gradescope, manifest
from autograder.manifest import kit_root
from tests.conftest import notebook_with

LINREG = manifest.load("01-linear-regression")
OTHER = manifest.load("03-softmax-regression")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The zip, built by the command an instructor runs."""
    out = tmp_path_factory.mktemp("zip") / "linreg.zip"
    done = subprocess.run([sys.executable, "-m", "autograder", "gradescope-zip", LINREG.id,
                           "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def unpack(archive, root, notebook=None):
    """Gradescope's layout: the zip in root/source, the upload in root/submission."""
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "source")
    (root / "submission").mkdir()
    if notebook is not None:
        shutil.copy(notebook, root / "submission" / LINREG.notebook_name)
    return root


def run_autograder(root):
    env = {k: v for k, v in os.environ.items() if k != "AUTOGRADER_ROOT"}
    env[gradescope.ROOT_VARIABLE] = str(root)
    done = subprocess.run([sys.executable, str(root / "source" / "run_autograder")], env=env,
                          cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads((root / "results" / "results.json").read_text())


def test_layout_and_contents(archive):
    """setup.sh and an executable run_autograder at the root; this assignment's manifest,
    source, checks (hidden too) and solutions; nothing of another assignment's?"""
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
        modes = {i.filename: i.external_attr >> 16 for i in opened.infolist()}
        config = json.loads(opened.read("gradescope.json"))
    assert config == {"assignment": LINREG.id, "hidden_visibility": "after_published"}
    for name in ("setup.sh", "run_autograder"):
        assert modes[name] & stat.S_IXUSR, name
    expected = {"pyproject.toml", f"assignments/{LINREG.id}.toml",
                f"solutions/{LINREG.id}.py", f"source/{LINREG.id}/{LINREG.notebook_name}",
                f"autograder/checks/{LINREG.id}/test_hidden.py",
                f"autograder/checks/{LINREG.id}/test_visible.py",
                "autograder/grade.py", "autograder/worker.py"}
    assert expected <= names
    assert not [n for n in names if OTHER.id in n or "__pycache__" in n or n.endswith(".pyc")]


def test_leaves_out_course_folders_and_student_work(tmp_path, monkeypatch):
    """With graded records, submissions and a gradebook in the kit's root, is none of it
    in the zip?"""
    root = tmp_path / "kit"
    root.mkdir()
    for name in ("pyproject.toml", "README.md", "assignments", "solutions", "source"):
        source = kit_root() / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, root / name)
    planted = [root / "graded" / LINREG.id / "eve.json",
               root / "course" / "submitted" / "eve" / LINREG.id / LINREG.notebook_name,
               root / "submitted" / "eve" / LINREG.id / LINREG.notebook_name,
               root / "gradebook.db"]
    for path in planted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("eve's work")
    monkeypatch.setenv("AUTOGRADER_ROOT", str(root))
    out = gradescope.build_zip(LINREG, tmp_path / "out.zip")
    with zipfile.ZipFile(out) as opened:
        names = opened.namelist()
        assert not [n for n in names if "eve" in n or n.startswith(("graded", "course",
                                                                      "submitted"))]
        assert not [n for n in names if b"eve's work" in opened.read(n)]
        assert f"solutions/{LINREG.id}.py" in names


def test_setup_script_parses_and_installs_the_kit(archive, tmp_path):
    """Is setup.sh valid bash that pip-installs the kit it sits in?"""
    root = unpack(archive, tmp_path)
    script = root / "source" / "setup.sh"
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "pip install --quiet .\n" in script.read_text()


def test_correct_submission_gets_full_marks(archive, tmp_path):
    """Does the solved notebook earn every point, every test passed?"""
    results = run_autograder(unpack(archive, tmp_path, LINREG.path("source")))
    assert results["score"] == LINREG.max_score
    assert all(t["status"] == "passed" for t in results["tests"])
    assert sum(t["max_score"] for t in results["tests"]) == pytest.approx(LINREG.max_score)
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}


def test_broken_notebook_scores_zero_with_a_reason(archive, tmp_path):
    """Does a notebook cut off mid-save give a valid results.json, 0, and why?"""
    root = unpack(archive, tmp_path)
    text = LINREG.path("release").read_bytes()
    (root / "submission" / LINREG.notebook_name).write_bytes(text[: len(text) // 2])
    results = run_autograder(root)
    assert results["score"] == 0
    assert "not valid notebook JSON" in results["output"]
    assert [t["name"] for t in results["tests"]] == [i.name for i in LINREG.items]


def test_missing_notebook_and_the_only_notebook(archive, tmp_path):
    """Is an upload without a notebook told what to upload, and a lone notebook under
    another name graded anyway?"""
    root = unpack(archive, tmp_path / "none")
    (root / "submission" / "notes.txt").write_text("I forgot")
    results = run_autograder(root)
    assert results["score"] == 0 and f"expected {LINREG.notebook_name}" in results["output"]
    root = unpack(archive, tmp_path / "renamed")
    notebook = nbformat.read(LINREG.path("release"), as_version=4)
    nbformat.write(notebook, root / "submission" / "my homework.ipynb")
    results = run_autograder(root)
    assert results["score"] == 0 and "not implemented yet" in json.dumps(results["tests"])


def test_autograder_failure_still_writes_results(archive, tmp_path):
    """When the autograder itself cannot start, is there still a results.json saying so?"""
    root = unpack(archive, tmp_path, LINREG.path("source"))
    (root / "source" / "gradescope.json").unlink()
    results = run_autograder(root)
    assert results["score"] == 0 and "autograder itself failed" in results["output"]
    assert "tell your instructor" in results["output"]


@pytest.fixture
def public_root():
    """Like /autograder, a folder anyone may enter (pytest's tmp_path is private to us)."""
    root = Path(tempfile.mkdtemp(prefix="gradescope-root-"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="Gradescope grades as root; the worker's own uid needs root here too")
def test_student_code_cannot_read_solutions_or_checks_without_sandbox(archive, public_root,
                                                                      tmp_path):
    """In a container without bubblewrap, can a cell read the reference, the solved
    notebook or the hidden checks and carry them out in an error message? It must not."""
    root = unpack(archive, public_root)
    secrets = [root / "source" / "solutions" / f"{LINREG.id}.py",
               root / "source" / "source" / LINREG.id / LINREG.notebook_name,
               root / "source" / "autograder" / "checks" / LINREG.id / "test_hidden.py"]
    thief = ("def linreg(X, w, b):\n    found = []\n"
             f"    for name in {[str(s) for s in secrets]!r}:\n"
             "        try:\n            found.append(open(name).read()[:300])\n"
             "        except OSError as exc:\n            found.append(type(exc).__name__)\n"
             "    raise ValueError(' | '.join(found))\n")
    notebook_with(LINREG.id, {"linreg": thief}, root / "submission" / LINREG.notebook_name)
    env = {k: v for k, v in os.environ.items() if k != "AUTOGRADER_ROOT"}
    # a container: no bubblewrap, and no namespaces for root to make either
    env.update({gradescope.ROOT_VARIABLE: str(root), "PATH": str(tmp_path / "no-bwrap"),
                "AUTOGRADER_NO_NAMESPACES": "1"})
    done = subprocess.run([sys.executable, str(root / "source" / "run_autograder")], env=env,
                          cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "WITHOUT the sandbox" in done.stderr, done.stderr
    results = (root / "results" / "results.json").read_text()
    assert "PermissionError" in results
    for secret in secrets:
        opening = secret.read_text()[:300]
        assert json.dumps(opening)[1:-1][:80] not in results, secret.name
