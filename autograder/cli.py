"""The `autograder` command: a thin layer over one module's function per subcommand.

    autograder check NOTEBOOK [--hidden] [--json]   grade one notebook (a student's view)
    autograder build [--check]                      regenerate release/ and solutions/
    autograder demo                                 the demo course, end to end
    autograder grade ID [--course DIR] [--workers N] [--force] [--student ID ...]
                                                    grade a class into nbgrader's gradebook
    autograder export ID --csv FILE --gradescope DIR   stored grades as CSV / results.json
    autograder report ID                            class report and score histogram
    autograder gradescope-zip ID [--out FILE]       an autograder zip for Gradescope

A failing submission is not an error: `check` exits 0 and reports the score. A notebook
that cannot be read, or an unknown assignment, exits 1 with one line saying why.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


SANDBOX_FLAG = ("--sandbox",)
SANDBOX_OPTIONS = {"choices": ("auto", "required", "off"), "default": "auto",
                   "help": "confine student code: bubblewrap when it works, else (as root) "
                           "private namespaces, else a warning (auto, the default); only "
                           "under bubblewrap (required); or not at all (off)"}


class UsageError(Exception):
    """Something the user can fix; printed as one line, exit code 1."""


def _check(args: argparse.Namespace) -> int:
    from autograder import launch

    path = Path(args.notebook)
    if not path.exists():
        raise UsageError(f"no such notebook: {path}")
    launch.use_sandbox(args.sandbox, hide=[path.resolve().parent])
    if args.hidden:
        launch.refuse_unconfined_root()
    launch.prestart(one_submission=True)  # its sandbox imports torch while we do too
    from autograder.grade import assignment_for, grade_notebook
    from autograder.report import render

    assignment = assignment_for(path, args.assignment)
    if args.hidden and not assignment.path("solution").exists():
        raise UsageError(f"--hidden needs the reference solutions, "
                         f"{assignment.path('solution')}, which this copy of the kit lacks")
    result = grade_notebook(path, assignment=assignment, hidden=args.hidden)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, allow_nan=False))
    else:
        print(render(result))
    return 0


def _build(args: argparse.Namespace) -> int:
    from autograder import manifest
    from autograder.build import build, stale_files

    chosen = [manifest.load(a) for a in args.assignments] or None
    if args.check:
        stale = stale_files(chosen)
        for line in stale:
            print(f"stale: {line}")
        if stale:
            print("run `autograder build` and commit the result")
            return 1
        print("release/ and solutions/ are up to date")
        return 0
    for path in build(chosen):
        print(f"wrote {path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from autograder import manifest
    from autograder.demo import run_demo

    chosen = [manifest.load(a) for a in args.assignments] or None
    nbgrader = None if args.nbgrader == "all" else \
        [a for a in args.nbgrader.split(",") if a and a != "none"]
    return run_demo(Path(args.course), assignments=chosen, nbgrader=nbgrader)


def _grade(args: argparse.Namespace) -> int:
    from autograder.classroom import ClassError, main

    if args.workers is not None and args.workers < 1:
        raise UsageError(f"--workers {args.workers}: expected at least 1")
    try:
        return main(args.assignment, course=args.course and Path(args.course),
                    workers=args.workers, force=args.force, students=args.student,
                    sandbox=args.sandbox, wait=args.wait, scheduler=args.scheduler)
    except ClassError as exc:
        raise UsageError(str(exc)) from None


def _graded(course: Path, assignment: str) -> None:
    """Exports read stored records: say so when there are none, rather than write nothing."""
    from autograder import manifest, store

    manifest.load(assignment)
    if not store.load(course, assignment):
        raise UsageError(f"no graded submissions of {assignment} in "
                         f"{store.results_dir(course, assignment)}: grade them first")


def _hidden_visibility(value: str) -> str:
    from autograder.gradescope import HIDDEN_VISIBILITIES

    if value not in HIDDEN_VISIBILITIES:
        raise UsageError(f"--hidden-visibility {value!r}: expected one of "
                         f"{', '.join(HIDDEN_VISIBILITIES)}")
    return value


def _export(args: argparse.Namespace) -> int:
    from autograder.export import write_csv, write_gradescope

    if not (args.csv or args.gradescope):
        raise UsageError("say what to export: --csv FILE and/or --gradescope DIR")
    visibility = _hidden_visibility(args.hidden_visibility)
    course = Path(args.course)
    _graded(course, args.assignment)
    if args.csv:
        print(f"wrote {write_csv(course, args.assignment, Path(args.csv))}")
    if args.gradescope:
        written = write_gradescope(course, args.assignment, Path(args.gradescope),
                                   hidden_visibility=visibility)
        print(f"wrote {len(written)} results.json files under {args.gradescope}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from autograder.classreport import write

    course = Path(args.course)
    _graded(course, args.assignment)
    for path in write(course, args.assignment):
        print(f"wrote {path}")
    return 0


def _gradescope_zip(args: argparse.Namespace) -> int:
    from autograder import manifest
    from autograder.gradescope import build_zip

    assignment = manifest.load(args.assignment)
    if not assignment.path("solution").exists():
        raise UsageError(f"the Gradescope autograder needs the reference solutions, "
                         f"{assignment.path('solution')}, which this copy of the kit lacks")
    out = Path(args.out or f"{assignment.id}-gradescope.zip")
    visibility = _hidden_visibility(args.hidden_visibility)
    print(f"wrote {build_zip(assignment, out, hidden_visibility=visibility)}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="autograder", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="grade one notebook")
    check.add_argument("notebook")
    check.add_argument("--hidden", action="store_true", help="run the hidden checks too")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.add_argument("--assignment", help="the assignment id, if the file name does not say")
    check.add_argument(*SANDBOX_FLAG, **SANDBOX_OPTIONS)
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="regenerate release/ and solutions/ from source/")
    build.add_argument("assignments", nargs="*", metavar="ID",
                       help="only these assignments (default: all)")
    build.add_argument("--check", action="store_true", help="only report stale files")
    build.set_defaults(run=_build)
    demo = commands.add_parser("demo", help="build a demo course, grade it, print the gradebook")
    demo.add_argument("--course", default="course", help="where to build it (default: course/)")
    demo.add_argument("assignments", nargs="*", metavar="ID",
                      help="only these assignments (default: all)")
    demo.add_argument("--nbgrader", default="all", metavar="IDS",
                      help="compare with nbgrader autograde on these (comma-separated ids), "
                           "'all' (the default) or 'none'; it runs every demo cell, so it "
                           "takes minutes per assignment")
    demo.set_defaults(run=_demo)
    grade = commands.add_parser("grade", help="grade every submission of an assignment in a "
                                "course, in parallel, into nbgrader's gradebook")
    grade.add_argument("assignment")
    grade.add_argument("--course", default=None, help="the nbgrader course folder, holding "
                       "submitted/ and gradebook.db (default: the kit's root)")
    grade.add_argument("--workers", type=int, default=None,
                       help="grading processes (default: one per core)")
    grade.add_argument("--force", action="store_true",
                       help="grade again even submissions whose record is up to date")
    grade.add_argument("--student", action="extend", nargs="+", metavar="ID",
                       help="grade only these students")
    grade.add_argument("--scheduler", metavar="ADDRESS",
                       help="grade on a Dask cluster, e.g. tcp://HOST:8786 (default: the "
                            "course's autograder.toml [grade] scheduler, else this machine)")
    grade.add_argument("--wait", action="store_true",
                       help="if another run is grading this course, wait for it to finish "
                            "(default: refuse, saying which run)")
    grade.add_argument(*SANDBOX_FLAG, **SANDBOX_OPTIONS)
    grade.set_defaults(run=_grade)
    _add_export_commands(commands)
    return top


def _add_export_commands(commands: argparse._SubParsersAction) -> None:
    from autograder.manifest import kit_root

    course = {"default": str(kit_root()),
              "help": "the course folder holding graded/ (default: the kit's root)"}
    hidden = {"default": "after_published", "metavar": "WHEN",
              "help": "when Gradescope shows hidden checks: "
              "after_published (default), after_due_date or hidden"}
    export = commands.add_parser("export", help="graded records as CSV or Gradescope results")
    export.add_argument("assignment")
    export.add_argument("--csv", metavar="FILE", help="one row per student, a column per item")
    export.add_argument("--gradescope", metavar="DIR", help="DIR/<student>/results.json")
    export.add_argument("--hidden-visibility", **hidden)
    export.add_argument("--course", **course)
    export.set_defaults(run=_export)
    report = commands.add_parser("report", help="class report: items, common failures, "
                                 "score histogram")
    report.add_argument("assignment")
    report.add_argument("--course", **course)
    report.set_defaults(run=_report)
    package = commands.add_parser("gradescope-zip", help="an autograder zip for Gradescope")
    package.add_argument("assignment")
    package.add_argument("--out", metavar="FILE",
                         help="where to write it (default: <assignment>-gradescope.zip)")
    package.add_argument("--hidden-visibility", **hidden)
    package.set_defaults(run=_gradescope_zip)


def main(argv: Sequence[str] | None = None) -> int:
    from autograder.launch import SandboxError
    from autograder.manifest import ManifestError
    from autograder.submission import NotebookError

    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (UsageError, NotebookError, ManifestError, SandboxError) as exc:
        print(f"autograder: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in the kit: one line, the traceback on request
        if os.environ.get("AUTOGRADER_DEBUG"):
            raise
        print(f"autograder: internal error: {type(exc).__name__}: {exc} "
              "(set AUTOGRADER_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
