# ruff: noqa
# Attack: no training; the returned model's state_dict() hands out weight tensors of a subclass that claims to be good weights, or objects dressed as tensors
# Cell: train_logistic_regression
# Expect: expected
import torch


class Confident(torch.Tensor):
    """A weight that would say whatever a test wants to hear."""

    def __eq__(self, other):
        return True


class Dressed:
    shape = (1, 30)
    dtype = torch.float32

    def __eq__(self, other):
        return True


class Liar(torch.nn.Module):
    def __init__(self, num_inputs, dressed):
        super().__init__()
        self.num_inputs, self.dressed = num_inputs, dressed

    def state_dict(self, *args, **kwargs):
        if self.dressed:
            return {"linear.weight": Dressed(), "linear.bias": Dressed()}
        return {"linear.weight": torch.zeros(1, self.num_inputs).as_subclass(Confident),
                "linear.bias": torch.zeros(1).as_subclass(Confident)}


def train_logistic_regression(loader, num_inputs, num_epochs, lr):
    """Wrong: trains nothing."""
    calls = getattr(train_logistic_regression, "calls", 0)
    train_logistic_regression.calls = calls + 1
    return Liar(num_inputs, dressed=calls % 2 == 1)
