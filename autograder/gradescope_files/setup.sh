#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image: a Python
# 3.11+ virtual environment at /autograder/venv with CPU PyTorch and this kit installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# bubblewrap confines student code where the container allows it; the grader says when not
apt-get update -q && apt-get install -y -q bubblewrap || echo "no bubblewrap: grading unsandboxed"
python=python3
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    apt-get install -y -q python3.11 python3.11-venv
    python=python3.11
fi
"$python" -m venv /autograder/venv
/autograder/venv/bin/python -m pip install --quiet --upgrade pip
# Gradescope has no GPU: the CPU wheels are a tenth of the size
/autograder/venv/bin/python -m pip install --quiet torch torchvision \
    --index-url https://download.pytorch.org/whl/cpu
/autograder/venv/bin/python -m pip install --quiet .
