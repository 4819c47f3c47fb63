# ruff: noqa
# Attack: print 200 MB to stdout and stderr while an added cell runs, so that later output (progress bars) has nowhere to go
# Cell: new
# Item: none
import sys

_chunk = "all checks passed! " * 55000 + "\n"  # about 1 MB
for _ in range(100):
    sys.stdout.write(_chunk)
    sys.stderr.write(_chunk)
