# ruff: noqa
# Attack: compute the gradients once and hand the same ones back on every later call (results cached across calls)
# Cell: mlp_backward
# Earns: 0.6
# Expect: expected
_memory = {}


def mlp_backward(dout, cache):
    """Wrong: every call after the first returns the first call's gradients."""
    if "grads" not in _memory:
        X, Z, H, W2 = cache
        dZ = (dout @ W2.T) * (Z > 0)
        _memory["grads"] = (X.T @ dZ, dZ.sum(0), H.T @ dout, dout.sum(0))
    return _memory["grads"]
