"""Gradescope: its results.json format, and an autograder zip that grades on its servers.

Why here: Gradescope runs `run_autograder` in a fresh container per submission and shows
the student what it finds in `/autograder/results/results.json`. The same format serves
`autograder export --gradescope` for submissions graded here, so both say the same.

The zip carries the kit, this assignment's manifest, source notebook, checks and reference
solutions (Gradescope never shows the autograder to students), and nothing else: no other
assignment, no course folder, no student's work or grades. `AUTOGRADER_GRADESCOPE_ROOT`
stands in for `/autograder`, so the zip can be unpacked and run locally.
"""

from __future__ import annotations

import json
import time
import traceback
import zipfile
from pathlib import Path

from autograder import manifest
from autograder.manifest import Assignment
from autograder.results import AssignmentResult, CheckResult, ItemResult

__all__ = ["HIDDEN_VISIBILITIES", "ROOT_VARIABLE", "SubmissionError", "build_zip",
           "find_notebook", "not_graded", "results_json", "run"]

ROOT_VARIABLE = "AUTOGRADER_GRADESCOPE_ROOT"
# Gradescope's words for when a test shows: hidden checks never show "visible"
HIDDEN_VISIBILITIES = ("after_published", "after_due_date", "hidden")
_UNTIL = {"after_published": " until grades are published",
          "after_due_date": " until the due date", "hidden": ""}
CONFIG = "gradescope.json"
TEMPLATES = Path(__file__).resolve().parent / "gradescope_files"


class SubmissionError(Exception):
    """The upload holds no notebook to grade, or several and none named as expected."""


def _check_output(check: CheckResult, forbidden: bool, share: float) -> str:
    if not check.gradable:
        return (f"not gradable here: {check.message.removeprefix('not gradable here: ')} "
                f"(its {share:.4g} points are left out of the score and the maximum)")
    if check.passed:
        return "passed" + (" (but a forbidden call zeroes this item)" if forbidden else "")
    label = "FORBIDDEN (this item scores 0)" if check.gate else "failed"
    text = f"{label}: {check.message}"
    return text + (f"\nHint: {check.hint}" if check.hint else "")


def _item_tests(item: ItemResult, number: int, hidden_visibility: str) -> list[dict]:
    """One test per check; the checks' scores add up to the item's, as the grader scored it.

    Every check but a gate carries an equal share of the item's points; one that is not
    gradable here is worth 0 (its share is out of the maximum) and has no status.
    """
    if not item.checks:
        return [{"name": item.name, "number": str(number), "score": 0.0,
                 "max_score": item.max_score, "status": "failed", "visibility": "visible",
                 "output": "not graded: see the message at the top"}]
    scored = [c for c in item.checks if not c.gate]
    # cumulative rounding: shares of 2 points over 3 checks are .6667, .6667, .6666
    parts = max(len(scored), 1)
    cuts = [round(item.points * k / parts, 4) for k in range(parts + 1)]
    shares = {id(c): cuts[k + 1] - cuts[k] for k, c in enumerate(scored)}
    forbidden = any(c.gate and c.gradable and not c.passed for c in item.checks)
    tests = []
    for index, check in enumerate(item.checks, start=1):
        share = shares.get(id(check), 0.0)
        earned = share * check.score if check.gradable and not forbidden else 0.0
        test = {"name": f"{item.name}: {check.id}", "number": f"{number}.{index}",
                "score": round(earned, 4),
                "max_score": round(share, 4) if check.gradable else 0.0,
                "visibility": "visible" if check.visible else hidden_visibility,
                "output": _check_output(check, forbidden, share)}
        if check.gradable:  # "not gradable here" is neither a pass nor a failure
            test["status"] = "passed" if check.passed else "failed"
        tests.append(test)
    return tests


def results_json(result: AssignmentResult, *,
                 hidden_visibility: str = "after_published") -> dict:
    """Gradescope's results.json for one graded submission; the total is the grader's."""
    if hidden_visibility not in HIDDEN_VISIBILITIES:
        raise ValueError(f"hidden checks' visibility must be one of {HIDDEN_VISIBILITIES}, "
                         f"got {hidden_visibility!r}")
    lines = [f"Score: {result.score:g} / {result.max_score:g}"]
    if result.not_gradable:
        lines[0] += (f" ({result.not_gradable:g} more not gradable here: left out of the score "
                     "and the maximum)")
    if result.problems:
        lines += ["", "Problems with your notebook:"] + [f"- {p}" for p in result.problems]
    if any(not c.visible for item in result.items for c in item.checks):
        lines += ["", f"Some checks are hidden{_UNTIL[hidden_visibility]}; the score "
                      "already counts them."]
    tests = [test for number, item in enumerate(result.items, start=1)
             for test in _item_tests(item, number, hidden_visibility)]
    return {"score": result.score, "execution_time": round(result.seconds),
            "output": "\n".join(lines), "stdout_visibility": "hidden", "tests": tests}


def not_graded(assignment: Assignment, reason: str, seconds: float = 0.0) -> AssignmentResult:
    """Every item at zero with its full points, and why: a report that is still complete."""
    items = tuple(ItemResult(item.name, item.points) for item in assignment.items)
    return AssignmentResult(assignment.id, "", items, True, problems=(reason,),
                            seconds=seconds)


def find_notebook(folder: Path, assignment: Assignment) -> Path:
    """The notebook in an upload: the one named as released, else the only one."""
    found = sorted(p for p in Path(folder).rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
    named = [p for p in found if p.name == assignment.notebook_name]
    if len(named) == 1:
        return named[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise SubmissionError(f"no notebook (.ipynb file) in your submission: expected "
                              f"{assignment.notebook_name}; upload that file itself")
    names = ", ".join(str(p.relative_to(folder)) for p in found)
    raise SubmissionError(f"{len(found)} notebooks in your submission ({names}): expected "
                          f"one, {assignment.notebook_name}; upload only that file")


def _keep_private(source: Path) -> None:
    """Make the solutions, the checks and the solved notebook readable by their owner only.

    Gradescope grades as root, and the worker then runs student code under a uid of its
    own; without bubblewrap (Docker often lacks it) that uid could otherwise read these
    files and raise an error that carries them into the student's results.
    """
    for name in ("solutions", "source", "autograder/checks"):
        if (source / name).is_dir():
            (source / name).chmod(0o700)


def run(root: Path) -> int:
    """Grade the upload under `root`/submission; results.json is written whatever happens."""
    from autograder.grade import grade_notebook
    from autograder.report import render
    from autograder.submission import NotebookError

    root = Path(root)
    _keep_private(root / "source")
    config = json.loads((root / "source" / CONFIG).read_text(encoding="utf-8"))
    assignment = manifest.load(config["assignment"])
    started = time.perf_counter()
    try:
        notebook = find_notebook(root / "submission", assignment)
        result = grade_notebook(notebook, assignment=assignment, hidden=True)
    except (SubmissionError, NotebookError) as exc:
        result = not_graded(assignment, str(exc), time.perf_counter() - started)
    except Exception as exc:  # a bug in the kit: the student still gets a result
        traceback.print_exc()
        result = not_graded(assignment, f"the autograder failed ({type(exc).__name__}: "
                            f"{exc}); this is not your fault: tell your instructor",
                            time.perf_counter() - started)
    print(render(result), flush=True)
    results = root / "results" / "results.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    data = results_json(result, hidden_visibility=config["hidden_visibility"])
    results.write_text(json.dumps(data, indent=1, allow_nan=False), encoding="utf-8")
    return 0


def _kit_files(assignment: Assignment) -> dict[str, Path]:
    """Archive name -> file: the package, and this one assignment's files."""
    root = manifest.kit_root()
    package = Path(__file__).resolve().parent
    files = {name: root / name for name in ("pyproject.toml", "README.md",
                                            f"assignments/{assignment.id}.toml")}
    files[f"solutions/{assignment.id}.py"] = assignment.path("solution")
    files[f"source/{assignment.id}/{assignment.notebook_name}"] = assignment.path("source")
    for path in sorted(package.rglob("*")):
        inside = path.relative_to(package)
        if path.suffix not in (".py", ".ini") or "__pycache__" in inside.parts:
            continue
        if inside.parts[0] == "checks" and len(inside.parts) > 2 \
                and inside.parts[1] != assignment.id:
            continue  # another assignment's checks
        files[f"autograder/{inside.as_posix()}"] = path
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"cannot build the Gradescope zip without {', '.join(missing)}")
    return files


def _add_executable(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.external_attr = 0o100755 << 16  # a regular file, rwxr-xr-x
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, text)


def build_zip(assignment: Assignment, out: Path, *,
              hidden_visibility: str = "after_published") -> Path:
    """Write the autograder zip for `assignment`: Gradescope's layout, files at the root."""
    if hidden_visibility not in HIDDEN_VISIBILITIES:
        raise ValueError(f"hidden checks' visibility must be one of {HIDDEN_VISIBILITIES}, "
                         f"got {hidden_visibility!r}")
    files = _kit_files(assignment)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    config = {"assignment": assignment.id, "hidden_visibility": hidden_visibility}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_executable(archive, "setup.sh", (TEMPLATES / "setup.sh").read_text())
        _add_executable(archive, "run_autograder",
                        (TEMPLATES / "run_autograder.py").read_text())
        archive.writestr(CONFIG, json.dumps(config, indent=1) + "\n")
        for name, path in files.items():
            archive.write(path, name)
    return out
