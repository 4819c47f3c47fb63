#!/usr/bin/env bash
# The kit's own tests: lint, then pytest (reference full marks, stubs zero, every mutant
# caught, every alternative at full marks, every attack stopped, the worker's limits, the
# demo course against nbgrader), one process per core, with the slowest tests and the time
# per assignment at the end. See README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ruff check .
status=0
python -m pytest -n "${AUTOGRADER_TEST_PROCESSES:-auto}" --durations=25 "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure, not a pass" >&2
fi
exit "$status"
