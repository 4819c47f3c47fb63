# ruff: noqa
# Attack: train a larger model of its own on the batches and swap its layers into net, so that the weights handed back are someone else's
# Cell: train_char_lm
# Earns: 0.25
# Expect: no longer fit
import math

import torch
import torch.nn.functional as F
from torch import nn


def train_char_lm(net, train_iter, vocab, lr, num_epochs, device, use_random_iter=False):
    """Wrong: net's own layers are thrown away (and lr, the clipping and the state rules with
    them); only the returned float is honest."""
    size = net.linear.out_features
    net.rnn = nn.RNN(size, 64)
    net.linear = nn.Linear(64, size)
    optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
    total, count = 0.0, 0
    for _ in range(max(1, num_epochs)):
        total, count = 0.0, 0
        for X, Y in train_iter:
            hidden, _ = net.rnn(F.one_hot(X.T, size).float())
            loss = F.cross_entropy(net.linear(hidden.reshape(-1, 64)), Y.T.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total, count = total + loss.item() * Y.numel(), count + Y.numel()
    return math.exp(total / max(count, 1))
