"""Do the student's and the instructor's screens render in a real browser?

JupyterLab (headless, a free port, a token) serves a temporary copy of 03's release
notebook; Debian's Chromium, driven by Playwright, opens it, finds nbgrader's Validate
button and Create Assignment panel, runs the setup cell and `check("softmax", softmax)` on
the stub and then on a solution typed into its cell, and reads the rendered table. It
also opens a feedback page and the class report of a small graded course: they render, the
histogram loads, and no hidden check's code or reference solution text is on them.
Screenshots go to the test's tmp_path and to /tmp/browser-screenshots/.

Skipped, with the reason, where no browser is installed (no /usr/bin/chromium, or no
playwright); `AUTOGRADER_REQUIRE_BROWSER=1` (CI, which installs one) makes that a failure.
Playwright's own browser download is never used: it needs the internet.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from autograder import classreport, feedback, manifest, store
from autograder.grade import grade_notebook
from autograder.store import Record
from tests.conftest import MUTANTS, ROOT, notebook_with

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE = os.environ.get("AUTOGRADER_REQUIRE_BROWSER") == "1"
SHOTS = Path("/tmp/browser-screenshots")
# this machine's flags: no sandbox (root, containers), no GPU, nothing fetched from outside
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-proxy-server"]
SOFTMAX = manifest.load("03-softmax-regression")
LINREG = manifest.load("01-linear-regression")
SOLVED = ('def softmax(X: torch.Tensor) -> torch.Tensor:\n'
          '    """Softmax of every row, the row maximum subtracted first."""\n'
          '    X_exp = torch.exp(X - X.max(dim=1, keepdim=True).values)\n'
          '    return X_exp / X_exp.sum(dim=1, keepdim=True)\n')
RELEASE = json.loads(SOFTMAX.path("release").read_text())["cells"]
GRADE_IDS = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in RELEASE]
# the line of the released softmax cell that raises NotImplementedError
STUB_LINE = "".join(RELEASE[GRADE_IDS.index("softmax")]["source"]).splitlines().index(
    "    raise NotImplementedError()") + 1
STEP_MS = 90_000  # one step at most (a kernel's first import of torch on a busy machine)


def _missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no browser: {CHROMIUM} is not installed (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[dev]')"
    if _jupyter() is None:
        return "jupyter is not installed"
    return None


def _jupyter() -> str | None:
    venv = ROOT / ".venv" / "bin" / "jupyter"
    return str(venv) if venv.exists() else shutil.which("jupyter")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))


def _shot(page, path: Path, **options) -> Path:
    """A screenshot under the test's folder, copied where the lead can look at it."""
    page.screenshot(path=str(path), **options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)
    return path


def _secret_lines(assignment) -> list[str]:
    """Lines of the hidden checks and of the reference solutions that the release lacks."""
    release = assignment.path("release").read_text()
    lines = []
    for path in (assignment.path("checks") / "test_hidden.py", assignment.path("solution")):
        lines += [line.strip() for line in path.read_text().splitlines()
                  if len(line.strip()) > 25 and not line.strip().startswith(('"""', "#"))
                  and line.strip() not in release]
    assert lines, "nothing secret to look for: this check would prove nothing"
    return lines


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The module's own folder: the notebook's copy, the profiles, the course, the logs."""
    return tmp_path_factory.mktemp("browser")


@dataclass
class Lab:
    """A JupyterLab server starting up; `ready()` waits for it and gives the notebook's URL."""

    server: subprocess.Popen
    url: str
    token: str
    log: Path
    session: str = ""

    def ready(self, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={self.token}",
                                            timeout=2):
                    break
            except OSError:
                if self.server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start: {self.log.read_text()}")
                time.sleep(0.3)
        if not self.session:  # the notebook's kernel starts while the page loads
            name = SOFTMAX.path("release").name
            request = urllib.request.Request(
                f"{self.url}/api/sessions?token={self.token}", method="POST",
                data=json.dumps({"path": name, "name": name, "type": "notebook",
                                 "kernel": {"name": "python3"}}).encode(),
                headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as reply:
                self.session = json.load(reply)["id"]
        return f"{self.url}/lab/tree/{SOFTMAX.path('release').name}?token={self.token}"


@pytest.fixture(scope="module")
def lab(folder) -> Iterator[Lab]:
    """JupyterLab on a copy of 03's release notebook, started (not yet ready)."""
    reason = _missing()
    if reason and REQUIRE:
        pytest.fail(f"AUTOGRADER_REQUIRE_BROWSER=1, but {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)
    notebooks = folder / "notebooks"
    notebooks.mkdir()
    shutil.copy(SOFTMAX.path("release"), notebooks / SOFTMAX.path("release").name)
    _write_json(folder / "lab-settings" / "@jupyterlab" / "apputils-extension" /
                "notification.jupyterlab-settings", {"fetchNews": "false"})  # offline
    # nothing the test does not use: no build check (it hashes the whole application), no
    # language servers looked for
    _write_json(folder / "config" / "labconfig" / "page_config.json",
                {"buildCheck": False, "buildAvailable": False})
    _write_json(folder / "config" / "jupyter_server_config.json",
                {"ServerApp": {"jpserver_extensions": {"jupyter_lsp": False}}})
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JUPYTER_CONFIG_DIR": str(folder / "config"),
           "JUPYTER_RUNTIME_DIR": str(folder / "runtime"), "IPYTHONDIR": str(folder / "ipython"),
           "JUPYTERLAB_SETTINGS_DIR": str(folder / "lab-settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces")}
    env.pop("AUTOGRADER_WORKER", None)
    log = folder / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [_jupyter(), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
             f"--ServerApp.root_dir={notebooks}", "--ServerApp.allow_root=True",
             "--KernelManager.shutdown_wait_time=2"],  # a kernel that lingers is killed
            env=env, stdout=out, stderr=subprocess.STDOUT, cwd=notebooks)
    try:
        yield Lab(server, f"http://127.0.0.1:{port}", token, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def grade_course(course: Path) -> None:
    """A graded course of 01 (ada solved it, ben got `sgd` wrong, dee handed in the stub),
    its feedback pages and its class report: run in a process of its own (see `course`)."""
    wrong = (MUTANTS / LINREG.id / "sgd__no_divide_by_batch_size.py").read_text()
    notebooks = {"ada": LINREG.path("source"), "dee": LINREG.path("release"),
                 "ben": notebook_with(LINREG.id, {"sgd": wrong}, course / "ben.ipynb")}
    for student, notebook in notebooks.items():
        result = grade_notebook(notebook, assignment=LINREG, hidden=True)
        store.save(course, Record(student, LINREG.id, result, store.fingerprint(notebook)))
    feedback.write_pages(course, LINREG.id)
    classreport.write(course, LINREG.id)


@pytest.fixture(scope="module")
def course(folder) -> Iterator[subprocess.Popen]:
    """`grade_course` in another process, started now: it grades while JupyterLab and the
    kernel start (both mostly wait), so the whole module takes the longer of the two."""
    course = folder / "course"
    course.mkdir()
    log = folder / "course.log"
    with log.open("w") as out:
        grading = subprocess.Popen(
            [sys.executable, "-c", "import sys; from pathlib import Path; from "
             "tests.test_browser import grade_course; grade_course(Path(sys.argv[1]))",
             str(course)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield grading
    finally:
        if grading.poll() is None:
            grading.kill()
        grading.wait()


def _graded(course: subprocess.Popen, folder: Path) -> Path:
    """The course folder, once `grade_course` is done."""
    if course.wait(timeout=300) != 0:
        pytest.fail(f"grading the course failed: {(folder / 'course.log').read_text()}")
    return folder / "course"


@pytest.fixture(scope="module")
def browser(folder):
    """A fresh headless Chromium profile, in this machine's headless mode."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(folder / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=FLAGS, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(STEP_MS)
        try:
            yield context
        finally:
            context.close()


def _cell(page, grade_id: str):
    """The notebook cell with this nbgrader grade id (by its position in the release)."""
    return page.locator(".jp-Notebook .jp-Cell").nth(GRADE_IDS.index(grade_id))


def _run(page, grade_id: str, count: int) -> None:
    """Select the cell and run it with Shift+Enter, as a student does; wait until the kernel
    has run it (its prompt shows `[count]:`)."""
    cell = _cell(page, grade_id)
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    cell.locator(".jp-InputArea-prompt", has_text=f"[{count}]").wait_for()


def _result(page, grade_id: str, words: str):
    """The rendered check table of this check cell, once its header says `words`."""
    table = _cell(page, grade_id).locator(".jp-OutputArea-output .autograder-check")
    table.filter(has_text=words).wait_for()
    return table


def _student_checks_softmax(page, folder: Path) -> None:
    """What a student does: open the notebook, run setup, check the stub, solve, check."""
    page.locator(".jp-NotebookPanel-toolbar .validate-button").wait_for()
    assert page.locator("#nbgrader-create_assignemnt").count() == 1  # nbgrader's spelling
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()  # the kernel is up
    page.keyboard.press("Control+b")  # the file browser closed: more room for the notebook
    _run(page, "setup", 1)
    _run(page, "softmax", 2)
    _run(page, "check_softmax", 3)
    stub = _result(page, "check_softmax", "0 of 4 visible checks passed")
    failed = stub.locator('tr[data-outcome="failed"]')
    assert failed.count() == 1  # every check failed alike: said once
    text = failed.inner_text()
    assert "softmax is not implemented yet" in text and "calls code" not in text
    assert f"your softmax cell, line {STUB_LINE}" in text and "ipykernel" not in text
    stub.scroll_into_view_if_needed()
    _shot(page, folder / "notebook-stub.png")

    _cell(page, "softmax").locator(".jp-InputArea-editor").click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(SOLVED)  # as pasted: no auto-indent, no closed brackets
    _run(page, "softmax", 4)
    _run(page, "check_softmax", 5)
    solved = _result(page, "check_softmax", "all 4 visible checks passed")
    assert solved.locator('tr[data-outcome="passed"]').count() == 4
    assert solved.locator('tr[data-outcome="failed"]').count() == 0
    assert solved.locator(".autograder-points").inner_text() == "2 / 2 points"
    colour = solved.locator('tr[data-outcome="passed"] span').first.evaluate(
        "e => getComputedStyle(e).color")
    assert colour == "rgb(26, 127, 55)"  # green, as the table says it
    solved.scroll_into_view_if_needed()
    _shot(page, folder / "notebook-solved.png")


def _feedback_page(page, course: Path, folder: Path) -> None:
    """ben's feedback page: every item, his failure with its hint, nothing hidden on it."""
    page.goto(feedback.page_path(course, LINREG.id, "ben").as_uri())
    assert page.locator("section.item").count() == len(LINREG.items)
    sgd = page.locator('section.item[id="sgd"]')
    assert "batch_size" in sgd.inner_text() and sgd.locator(".hint").count() >= 1
    assert page.locator(".badge", has_text="hidden check").count() >= 1
    shown = page.content() + page.inner_text("body")
    assert not [line for line in _secret_lines(LINREG) if line in shown]
    _shot(page, folder / "feedback.png", full_page=True)


def _class_report(page, course: Path, folder: Path) -> None:
    """The class report: every item, the histogram loaded, nothing hidden on it."""
    page.goto((store.results_dir(course, LINREG.id) / classreport.REPORT).as_uri())
    image = page.locator('img[src="scores.png"]')
    image.wait_for()
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    shown = page.content() + page.inner_text("body")
    assert all(f"<code>{item.name}</code>" in shown for item in LINREG.items)
    assert "3 graded submissions" in shown
    assert not [line for line in _secret_lines(LINREG) if line in shown]
    _shot(page, folder / "report.png", full_page=True)


def test_the_screens_render_in_a_browser(lab, course, browser, folder):
    """The student's screen (JupyterLab: nbgrader's extensions load, setup runs, check()
    shows the table for the stub, then for a solved softmax), then the instructor's (a
    feedback page and the class report). One test, so that a parallel run (pytest-xdist)
    starts one JupyterLab, one browser and one grading of the course, not one per test."""
    page = browser.new_page()
    try:
        page.goto(lab.ready())
        _student_checks_softmax(page, folder)
        graded = _graded(course, folder)
        _feedback_page(page, graded, folder)
        _class_report(page, graded, folder)
    except BaseException:
        _shot(page, folder / "failure.png")  # what the page showed, for the log
        raise
    finally:
        page.close()
