# Alternative: SGD written out (p -= lr * grad), clip_grad_norm_ from torch, the loss from F
import math

import torch
import torch.nn.functional as F


def train_char_lm(net, train_iter, vocab, lr, num_epochs, device, use_random_iter=False):
    """Train a character language model in place with SGD, clipping gradients at 1."""
    params = [p for p in net.parameters() if p.requires_grad]
    last = float("nan")
    for _ in range(num_epochs):
        state = None
        losses, counts = [], []
        for X, Y in train_iter:
            fresh = state is None or use_random_iter
            if fresh:
                state = net.begin_state(X.shape[0], device)
            elif isinstance(state, tuple):
                state = tuple(s.detach() for s in state)
            else:
                state = state.detach()
            y_hat, state = net(X.to(device), state)
            y = Y.T.flatten().to(device)
            loss = F.cross_entropy(y_hat, y)
            for p in params:
                p.grad = None
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, max_norm=1.0)
            with torch.no_grad():
                for p in params:
                    if p.grad is not None:
                        p -= lr * p.grad
            losses.append(loss.item() * y.numel())
            counts.append(y.numel())
        last = math.exp(sum(losses) / sum(counts))
    return last
