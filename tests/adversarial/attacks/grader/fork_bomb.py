# ruff: noqa
# Attack: a fork bomb (bounded to 220 processes, to spare the shared test machine) whose processes outlive the call
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import os
import subprocess


def linreg(X, w, b):
    """Wrong (no bias); on its first call forks 20 times from Python and 200 times from a shell."""
    if not getattr(linreg, "forked", False):
        linreg.forked = True
        for _ in range(20):
            try:
                if os.fork() == 0:
                    os.execv("/bin/sleep", ["sleep-@@TRAP_TOKEN@@", "120"])
            except OSError:
                break
        try:
            subprocess.Popen(["/bin/bash", "-c", "for i in $(seq 200); do "
                              "(exec -a sleep-@@TRAP_TOKEN@@ sleep 120) & done; wait"])
        except OSError:
            pass
    return X @ w
