#!/usr/bin/env bash
# The demo course: release, submissions (correct, partly wrong, broken, untouched),
# grading with the autograder and with nbgrader, and the gradebook. See README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
autograder demo --course course
