# ruff: noqa
# Attack: compute softmax outside autograd (numpy), then claim requires_grad so it looks differentiable
# Cell: softmax
# Earns: 1.56
# Expect: no gradient flows
# Spoils: train_softmax_regression: it trains through this softmax, which passes no gradient
import numpy as np
import torch


def softmax(X):
    """Right values, no graph: a leaf that says it requires grad."""
    x = X.detach().numpy()
    e = np.exp(x - x.max(axis=1, keepdims=True))
    out = torch.from_numpy(e / e.sum(axis=1, keepdims=True)).to(X.dtype)
    return out.requires_grad_(True)
