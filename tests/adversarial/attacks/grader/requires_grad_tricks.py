# ruff: noqa
# Attack: detach the parameters (no longer leaves that require grad), then make them claim they still are
# Notebook: 01-linear-regression
# Cell: sgd
# Earns: 1.33
# Expect: expected a leaf that requires grad
import torch


class Pretender(torch.Tensor):
    @property
    def requires_grad(self):
        return True

    @property
    def is_leaf(self):
        return True

    @property
    def grad_fn(self):
        return None


def sgd(params, lr, batch_size):
    """Right values, but the params stop requiring grad; then each pretends it still does."""
    for param in params:
        param.requires_grad_(False)
        param -= lr * param.grad / batch_size
        try:
            param.__class__ = Pretender
        except TypeError:
            pass
