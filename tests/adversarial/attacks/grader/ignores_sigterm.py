# ruff: noqa
# Attack: ignore SIGTERM, SIGINT and SIGHUP, block them, then loop forever in the call
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: timed out
import signal

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
    signal.signal(sig, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})


def linreg(X, w, b):
    """Never returns, and refuses to be asked politely to stop."""
    while True:
        pass
