# ruff: noqa
# Attack: remember the answer for each shape and return it again when the same shape comes back, whatever the values
# Cell: trace_grad
# Earns: 0.67
# Expect: differs from the expected values
_answers = {}


def trace_grad(A, X, B):
    """Wrong: a stale answer for a shape it has seen before."""
    key = (tuple(A.shape), tuple(X.shape), tuple(B.shape))
    if key not in _answers:
        _answers[key] = A.T @ X.T @ B.T + B.T @ X.T @ A.T
    return _answers[key]
