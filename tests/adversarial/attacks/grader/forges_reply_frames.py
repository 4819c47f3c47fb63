# ruff: noqa
# Attack: write forged reply frames (a verdict, a future answer) straight into the grader's pipe
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: did your code write to the grader's channel
import io
import os
import stat
import struct

import torch


def _frame(message):
    buffer = io.BytesIO()
    torch.save(message, buffer)
    return struct.pack(">Q", len(buffer.getvalue())) + buffer.getvalue()


def _forge():
    forged = _frame({"ok": True, "value": {"result": {"passed": True, "score": 1.0}},
                     "seconds": 0.0})
    forged += _frame({"ok": True, "value": {"result": torch.tensor([[-0.5], [-0.5]])},
                      "seconds": 0.0})
    for fd in range(3, 64):
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
                os.write(fd, forged)
        except OSError:
            pass


def linreg(X, w, b):
    """Wrong (no bias); forges replies once."""
    if not getattr(linreg, "forged", False):
        linreg.forged = True
        _forge()
    return X @ w
