# ruff: noqa
# Attack: write well-formed frames that are not replies (a list, dicts whose "seconds" are text or None) into the grader's pipe
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: your code could not finish
import io
import os
import stat
import struct

import torch


def _frame(message):
    buffer = io.BytesIO()
    torch.save(message, buffer)
    return struct.pack(">Q", len(buffer.getvalue())) + buffer.getvalue()


def linreg(X, w, b):
    """Wrong (no bias); forges two frames that are not replies, once."""
    if not getattr(linreg, "forged", False):
        linreg.forged = True
        forged = (_frame(["ok", True]) + _frame({"ok": True, "seconds": "soon", "value": None})
                  + _frame({"ok": True, "seconds": None, "value": None}))
        for fd in range(3, 64):
            try:
                if stat.S_ISFIFO(os.fstat(fd).st_mode) or stat.S_ISSOCK(os.fstat(fd).st_mode):
                    os.write(fd, forged)
            except OSError:
                pass
    return X @ w
