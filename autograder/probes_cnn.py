"""Objects the kit builds in the worker for the CNN assignments' checks (05, 06).

Why: the residual block's promise is about depth, so a check has to chain many of the
student's own blocks into one network, in the worker where they live, and take gradients
through all of them at once. The checks make the blocks (`student.keep("Residual", ...)`)
and hand their handles here; the grader loads weights by key and computes every verdict.
"""

from __future__ import annotations

from torch import nn

__all__ = ["KINDS", "stack"]


def stack(blocks: list) -> nn.Sequential:
    """The student's blocks chained in order, as a deep network is built from them."""
    return nn.Sequential(*blocks)


KINDS = {"cnn_stack": stack}
