#!/usr/bin/env bash
# Creates .venv with the kit and its dependencies, once; later runs reuse it. As root, also
# installs bubblewrap (the grading sandbox) with apt-get or dnf when it is missing.
# Sourced by scripts/demo.sh and scripts/test.sh, so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "Setting up .venv (first run: installs PyTorch and nbgrader, a few minutes)..."
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"

# bubblewrap: tried once per .venv, so an offline machine does not retry on every run
if ! command -v bwrap >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && [ ! -f .venv/.bubblewrap-tried ]; then
        touch .venv/.bubblewrap-tried
        if command -v apt-get >/dev/null 2>&1; then
            echo "Installing bubblewrap, the grading sandbox (apt-get install bubblewrap)..."
            apt-get install -y bubblewrap >/dev/null 2>&1 \
                || { apt-get update >/dev/null 2>&1 \
                     && apt-get install -y bubblewrap >/dev/null 2>&1; } || true
        elif command -v dnf >/dev/null 2>&1; then
            echo "Installing bubblewrap, the grading sandbox (dnf install bubblewrap)..."
            dnf install -y bubblewrap >/dev/null 2>&1 || true
        fi
    fi
    if ! command -v bwrap >/dev/null 2>&1; then
        echo "bubblewrap is not installed: student code is confined by the fallback (see" \
             "the README's Sandbox section); install it with 'apt-get install bubblewrap'."
    fi
fi
