"""The `autograder` command: a thin layer over one module's function per subcommand.

    autograder check NOTEBOOK [--hidden] [--json]   grade one notebook (a student's view)
    autograder build [--check]                      regenerate release/ and solutions/
    autograder demo                                 the demo course, end to end

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


class UsageError(Exception):
    """Something the user can fix; printed as one line, exit code 1."""


def _check(args: argparse.Namespace) -> int:
    from autograder.grade import assignment_for, grade_notebook
    from autograder.report import render

    path = Path(args.notebook)
    if not path.exists():
        raise UsageError(f"no such notebook: {path}")
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
    from autograder.build import build, stale_files

    if args.check:
        stale = stale_files()
        for line in stale:
            print(f"stale: {line}")
        if stale:
            print("run `autograder build` and commit the result")
            return 1
        print("release/ and solutions/ are up to date")
        return 0
    for path in build():
        print(f"wrote {path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from autograder.demo import run_demo

    return run_demo(Path(args.course))


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="autograder", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="grade one notebook")
    check.add_argument("notebook")
    check.add_argument("--hidden", action="store_true", help="run the hidden checks too")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.add_argument("--assignment", help="the assignment id, if the file name does not say")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="regenerate release/ and solutions/ from source/")
    build.add_argument("--check", action="store_true", help="only report stale files")
    build.set_defaults(run=_build)
    demo = commands.add_parser("demo", help="build a demo course, grade it, print the gradebook")
    demo.add_argument("--course", default="course", help="where to build it (default: course/)")
    demo.set_defaults(run=_demo)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    from autograder.manifest import ManifestError
    from autograder.submission import NotebookError

    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (UsageError, NotebookError, ManifestError) as exc:
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
