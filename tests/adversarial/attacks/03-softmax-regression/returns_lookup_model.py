# ruff: noqa
# Attack: return a model that looks answers up (and a tensor subclass that acts differently when tested) instead of trained weights
# Cell: train_softmax_regression
# Expect: expected
import torch
from torch import nn


class Lookup(nn.Module):
    """Remembers every training example's label; would 'predict' by lookup."""

    def __init__(self, train_iter):
        super().__init__()
        self.memory = {tuple(x.reshape(-1).tolist()): int(label)
                       for X, y in train_iter for x, label in zip(X, y)}

    def forward(self, X):
        return torch.stack([torch.nn.functional.one_hot(
            torch.tensor(self.memory.get(tuple(x.reshape(-1).tolist()), 0)), 10).float()
            for x in X])


class Sly(torch.Tensor):
    """A weight matrix that would answer differently when multiplied in a test."""


def train_softmax_regression(train_iter, num_inputs, num_outputs, num_epochs, lr):
    """No training: a lookup model first, then weights that are not plain tensors."""
    calls = getattr(train_softmax_regression, "calls", 0)
    train_softmax_regression.calls = calls + 1
    if calls % 2 == 0:
        return Lookup(train_iter)
    W = torch.zeros(num_inputs, num_outputs).as_subclass(Sly)
    return W, torch.zeros(num_outputs).as_subclass(Sly)
