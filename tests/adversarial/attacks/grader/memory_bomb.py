# ruff: noqa
# Attack: allocate memory until something breaks, at import and in the call
# Notebook: 01-linear-regression
# Cell: linreg
# Expect: MemoryError
hoard = []
try:
    while True:
        hoard.append(bytearray(256 * 1024**2))
except MemoryError:
    pass
hoard.clear()


def linreg(X, w, b):
    """Asks for 64 GB."""
    return bytearray(64 * 1024**3)
