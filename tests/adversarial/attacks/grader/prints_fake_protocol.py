# ruff: noqa
# Attack: print what looks like the protocol's frames, a score and pytest's summary, to stdout and stderr
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import io
import json
import struct
import sys

import torch


def _frame(message):
    buffer = io.BytesIO()
    torch.save(message, buffer)
    return struct.pack(">Q", len(buffer.getvalue())) + buffer.getvalue()


def _shout():
    verdict = {"ok": True, "value": {"result": True, "passed": True, "score": 10.0}}
    for stream in (sys.stdout, sys.stderr):
        stream.buffer.write(_frame(verdict) * 3)
        stream.write('{"score": 10, "max_score": 10, "passed": true}\n')
        stream.write("linreg: 2 passed, 0 failed\n10 passed in 0.01s\nScore: 10/10\n")
        stream.flush()


_shout()


def linreg(X, w, b):
    """Wrong (no bias), and announces that it passed."""
    _shout()
    return X @ w
