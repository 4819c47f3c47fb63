"""Reference solutions for 04-mlp-backprop.

Generated from source/04-mlp-backprop/04-mlp-backprop.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import torch

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


def relu(x: torch.Tensor) -> torch.Tensor:
    """max(x, 0) element by element; a new tensor of x's shape and dtype, x unchanged."""
    return torch.where(x > 0, x, torch.zeros_like(x))


def tanh(x: torch.Tensor) -> torch.Tensor:
    """The hyperbolic tangent element by element, finite for every finite x; x unchanged."""
    e = torch.exp(-2 * x.abs())  # in (0, 1]: never overflows
    return torch.sign(x) * (1 - e) / (1 + e)


def mlp_forward(X: torch.Tensor, params) -> tuple[torch.Tensor, tuple]:
    """Forward pass of relu(X @ W1 + b1) @ W2 + b2; returns (output, cache).

    X: (n, d); params = (W1 (d, h), b1 (h,), W2 (h, q), b2 (q,)).
    output: (n, q). cache: what mlp_backward needs to compute the gradients.
    """
    W1, b1, W2, b2 = params
    Z = X @ W1 + b1  # (n, h): the hidden units' inputs
    H = relu(Z)      # (n, h): their activations
    O = H @ W2 + b2  # (n, q)
    return O, (X, Z, H, W2)  # what the backward pass needs


def mlp_backward(dout: torch.Tensor, cache) -> tuple[torch.Tensor, ...]:
    """Gradients (dW1, db1, dW2, db2) of sum(output * dout), by hand, from mlp_forward's cache.

    dout: (n, q), the gradient of the loss with respect to the MLP's output.
    Each returned gradient has the shape of its parameter. No autograd.
    """
    X, Z, H, W2 = cache
    dW2 = H.T @ dout           # (h, q)
    db2 = dout.sum(dim=0)      # (q,): b2 was added to every row
    dH = dout @ W2.T           # (n, h)
    dZ = dH * (Z > 0)          # (n, h): no gradient through inactive units
    dW1 = X.T @ dZ             # (d, h)
    db1 = dZ.sum(dim=0)        # (h,)
    return dW1, db1, dW2, db2


def trace_grad(A: torch.Tensor, X: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """The gradient of trace(A @ X @ B @ X) with respect to X, in closed form.

    X: (n, m); A, B: (m, n). Returns A.T @ X.T @ B.T + B.T @ X.T @ A.T, of shape (n, m).
    """
    return A.T @ X.T @ B.T + B.T @ X.T @ A.T


def dropout_layer(X: torch.Tensor, p: float) -> torch.Tensor:
    """Inverted dropout: zero each element with probability p, scale the rest by 1 / (1 - p).

    A fresh mask on every call; p = 0 gives X's values, p = 1 gives zeros. X is not changed.
    """
    assert 0 <= p <= 1, f"p must be a probability, got {p}"
    if p == 1:
        return torch.zeros_like(X)  # everything dropped; no division by 1 - p = 0
    mask = (torch.rand_like(X) >= p).to(X.dtype)  # 1 with probability 1 - p
    return mask * X / (1 - p)
