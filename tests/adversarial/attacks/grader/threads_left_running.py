# ruff: noqa
# Attack: leave threads running (one busy, one printing, one non-daemon that never ends)
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import threading
import time


def _busy():
    while True:
        sum(range(10000))
        time.sleep(0.01)


def _chatty():
    while True:
        print("linreg: all checks passed, score 10/10", flush=True)
        time.sleep(0.05)


def _forever():
    while True:
        time.sleep(1)


for target, daemon in ((_busy, True), (_chatty, True), (_forever, False)):
    threading.Thread(target=target, daemon=daemon).start()


def linreg(X, w, b):
    """Wrong (no bias); starts one more never-ending thread per call."""
    threading.Thread(target=_forever).start()
    return X @ w
