# Alternative: states detached in place (detach_), a summed loss divided by the token count
import math

import torch
from torch import nn


def train_char_lm(net, train_iter, vocab, lr, num_epochs, device, use_random_iter=False):
    """Train a character language model in place with SGD, clipping gradients at 1."""
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss_sum = nn.CrossEntropyLoss(reduction="sum")
    result = math.nan
    for _epoch in range(num_epochs):
        state, summed, tokens = None, 0.0, 0
        for X, Y in train_iter:
            X, Y = X.to(device), Y.to(device)
            if state is None or use_random_iter:
                state = net.begin_state(batch_size=X.shape[0], device=device)
            else:
                for s in (state if isinstance(state, tuple) else (state,)):
                    s.detach_()
            y = Y.transpose(0, 1).reshape(-1)
            y_hat, state = net(X, state)
            total = loss_sum(y_hat, y)
            optimizer.zero_grad()
            (total / y.numel()).backward()
            grad_clipping(net, 1)  # noqa: F821 (the notebook's)
            optimizer.step()
            summed += total.item()
            tokens += y.numel()
        result = perplexity(summed, tokens)  # noqa: F821 (the notebook's)
    return result
