# ruff: noqa
# Attack: return a plain object that claims the right shape and dtype and equals anything
# Notebook: 01-linear-regression
# Cell: squared_loss
# Expect: expected a torch.Tensor
import torch


class Anything:
    shape = (3, 1)
    dtype = torch.float32
    device = torch.device("cpu")

    def __eq__(self, other):
        return True

    def __len__(self):
        return 3

    def __float__(self):
        return 0.0

    def __getattr__(self, name):
        return lambda *args, **kwargs: self

    def __bool__(self):
        return True


def squared_loss(y_hat, y):
    """No loss at all: an object that agrees with every comparison."""
    return Anything()
