"""Visible checks for 04-mlp-backprop: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values, properties, and autograd on the contract's own formulas, never the reference
solutions, so they run for a student who does not have `solutions/`.
"""

import math

import torch

from autograder import expect
from autograder.student import StudentError

_GRADIENTS = ("dW1", "db1", "dW2", "db2")


# -- relu -------------------------------------------------------------------------------
def test_relu_known_values(student):
    """relu(x) = max(x, 0) element by element: negatives become 0, the rest is kept; float32."""
    x = torch.tensor([[-2.0, -0.5, 0.0, 0.5, 3.0], [1e-3, -1e-3, 7.0, -7.0, 0.25]])
    expect.close(student.relu(x), x.clamp(min=0), "relu of a (2, 5) tensor",
                 dtype=torch.float32)


# -- tanh -------------------------------------------------------------------------------
def test_tanh_known_values(student):
    """tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)): tanh(log 2) = 0.6, tanh(log 3) = 0.8."""
    x = torch.tensor([0.0, math.log(2), -math.log(2), math.log(3), -math.log(3)])
    expected = torch.tensor([0.0, 0.6, -0.6, 0.8, -0.8], dtype=torch.float64)
    # tanh is computed from terms of size 1 that cancel near 0: judged on the scale of 1
    expect.close(student.tanh(x), expected, "tanh([0, log 2, -log 2, log 3, -log 3])",
                 dtype=torch.float32, scale=1.0)


def test_tanh_extremes(student):
    """Only exp(-2|x|) never overflows: tanh(x) = sign(x) (1 - exp(-2|x|)) / (1 + exp(-2|x|))."""
    x = torch.tensor([-1000.0, -100.0, -20.0, 20.0, 100.0, 1000.0])
    expected = torch.tensor([-1.0, -1.0, -1.0, 1.0, 1.0, 1.0], dtype=torch.float64)
    expect.close(student.tanh(x), expected, "tanh of -1000, -100, -20, 20, 100, 1000",
                 dtype=torch.float32, scale=1.0)


# -- mlp_forward and mlp_backward -------------------------------------------------------------
def _small_mlp() -> tuple[torch.Tensor, tuple[torch.Tensor, ...]]:
    """Two examples, 2 inputs, 3 hidden units (one of them negative for each example), 2 outputs."""
    X = torch.tensor([[1.0, -1.0], [2.0, 0.5]])
    W1 = torch.tensor([[1.0, 2.0, -1.0], [1.0, -1.0, 0.5]])
    b1 = torch.tensor([-1.0, 0.5, 0.25])
    W2 = torch.tensor([[1.0, 0.5], [-1.0, 2.0], [0.5, -1.0]])
    b2 = torch.tensor([1.0, -0.5])
    return X, (W1, b1, W2, b2)  # params as the contract writes them: a tuple


def _forward(student, X: torch.Tensor, params: tuple, n: int, q: int):
    """mlp_forward's output (by value) and its cache (left with the student's code)."""
    result = student.keep("mlp_forward", X, params)
    try:
        size = None if result.type in ("Tensor", "Parameter") else result.call("__len__")
    except StudentError:
        size = None
    expect.expect(size == 2, f"mlp_forward returned {expect.describe(result)}, expected a pair "
                  "(output, cache)", hint="return O, cache")
    output = expect.tensor(result.call("__getitem__", 0), "the output of mlp_forward",
                           shape=(n, q))
    return output, student.make("mlp_forward_cache", result=result)


def _expected_output(X: torch.Tensor, params: tuple) -> torch.Tensor:
    W1, b1, W2, b2 = (p.double() for p in params)
    return torch.relu(X.double() @ W1 + b1) @ W2 + b2


def _output_size(X: torch.Tensor, params: tuple) -> torch.Tensor:
    """What the output is summed from: the same formula on absolute values."""
    W1, b1, W2, b2 = (p.double().abs() for p in params)
    return (X.double().abs() @ W1 + b1) @ W2 + b2


def test_mlp_forward_shapes(student):
    """Return (output, cache): output = relu(X @ W1 + b1) @ W2 + b2 of shape (n, q), float32."""
    X = torch.randn(5, 4)
    params = (torch.randn(4, 3), torch.randn(3), torch.randn(3, 2), torch.randn(2))
    output, _ = _forward(student, X, params, 5, 2)
    expect.tensor(output, "the output of mlp_forward for X (5, 4), W1 (4, 3), W2 (3, 2)",
                  shape=(5, 2), dtype=torch.float32)


def test_mlp_forward_known_values(student):
    """H = relu(X @ W1 + b1) (b1 before the ReLU), then H @ W2 + b2 with no ReLU on the output."""
    X, params = _small_mlp()
    output, _ = _forward(student, X, params, 2, 2)
    expect.close(output, _expected_output(X, params), "mlp_forward on a small example",
                 dtype=torch.float32, scale=_output_size(X, params))


def _gradients(dout: torch.Tensor, X: torch.Tensor, params: tuple) -> tuple:
    """Autograd's gradients of sum(output * dout) in float64, for the contract's formula."""
    leaves = [p.double().requires_grad_(True) for p in params]
    output = torch.relu(X.double() @ leaves[0] + leaves[1]) @ leaves[2] + leaves[3]
    return torch.autograd.grad((output * dout.double()).sum(), leaves)


def _gradient_sizes(dout: torch.Tensor, X: torch.Tensor, params: tuple) -> tuple:
    """What each gradient is summed from: the backward formulas on absolute values."""
    W1, b1, W2, _ = (p.double().abs() for p in params)
    X, dout = X.double().abs(), dout.double().abs()
    dH = dout @ W2.T  # (n, h)
    return X.T @ dH, dH.sum(dim=0), (X @ W1 + b1).T @ dout, dout.sum(dim=0)


def _expect_gradients(grads, dout: torch.Tensor, X: torch.Tensor, params: tuple,
                      what: str) -> None:
    expect.expect(isinstance(grads, (tuple, list)) and len(grads) == 4,
                  f"mlp_backward returned {expect.describe(grads)}, expected the four "
                  "gradients (dW1, db1, dW2, db2)")
    sizes = _gradient_sizes(dout, X, params)
    for grad, wanted, size, name in zip(grads, _gradients(dout, X, params), sizes, _GRADIENTS,
                                        strict=True):
        expect.close(grad, wanted, f"{name} {what}", dtype=torch.float32, scale=size)


def test_mlp_backward_shapes(student):
    """Return (dW1, db1, dW2, db2), each of its parameter's shape: dW1 (d, h), db1 (h,),
    dW2 (h, q), db2 (q,). Bias gradients are summed over the batch."""
    X, dout = torch.randn(5, 4), torch.randn(5, 2)
    params = (torch.randn(4, 3), torch.randn(3), torch.randn(3, 2), torch.randn(2))
    _, cache = _forward(student, X, params, 5, 2)
    grads = student.call("mlp_backward", dout, cache)
    expect.expect(isinstance(grads, (tuple, list)) and len(grads) == 4,
                  f"mlp_backward returned {expect.describe(grads)}, expected the four "
                  "gradients (dW1, db1, dW2, db2)")
    for grad, param, name in zip(grads, params, _GRADIENTS, strict=True):
        expect.tensor(grad, f"{name} for X (5, 4), W1 (4, 3), W2 (3, 2)",
                      shape=tuple(param.shape), dtype=torch.float32)


def test_mlp_backward_known_values(student):
    """dW2 = H.T @ dout, db2 = dout.sum(0), dH = dout @ W2.T, dZ = dH * (Z > 0) (the mask of
    the hidden layer), dW1 = X.T @ dZ, db1 = dZ.sum(0)."""
    X, params = _small_mlp()
    dout = torch.tensor([[1.0, -2.0], [0.5, 1.0]])
    _, cache = _forward(student, X, params, 2, 2)
    _expect_gradients(student.call("mlp_backward", dout, cache), dout, X, params,
                      "on a small example (compared with autograd)")


# -- dropout_layer ----------------------------------------------------------------------------
def test_dropout_layer_shape_and_dtype(student):
    """dropout_layer(X, p) returns a new tensor of X's shape and dtype."""
    X = torch.randn(6, 5)
    expect.tensor(student.dropout_layer(X, 0.5), "dropout_layer(X, 0.5) for X of shape (6, 5)",
                  shape=(6, 5), dtype=torch.float32)


def test_dropout_layer_p_zero_and_one(student):
    """p = 0 keeps every value of X; p = 1 returns zeros: test p == 1 first, do not divide by 0."""
    X = torch.randn(6, 5)
    expect.close(student.dropout_layer(X, 0.0), X, "dropout_layer(X, 0)")
    expect.close(student.dropout_layer(X, 1.0), torch.zeros(6, 5), "dropout_layer(X, 1)")


def test_dropout_layer_zero_or_scaled(student):
    """Each element is either dropped (0) or kept and divided by 1 - p: X / (1 - p), not X / p."""
    # no zeros in X, so a 0 can only be a drop; X from a stream of its own, not the worker's
    X, p = torch.rand(40, 50, generator=torch.Generator().manual_seed(4)) + 0.5, 0.25
    out = expect.tensor(student.dropout_layer(X, p), "dropout_layer(X, 0.25)", shape=(40, 50))
    kept = out != 0
    expect.expect(bool(kept.any()) and not bool(kept.all()),
                  f"dropout_layer(X, 0.25) zeroed {int((~kept).sum())} of 2000 elements, "
                  "expected about 500")
    expect.close(out[kept], X[kept].double() / (1 - p), "the kept elements of "
                 "dropout_layer(X, 0.25)", dtype=torch.float32)


# -- trace_grad -------------------------------------------------------------------------------
def _trace_gradient(A: torch.Tensor, X: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """Autograd's gradient of trace(A @ X @ B @ X) in X, in float64."""
    leaf = X.double().requires_grad_(True)
    (grad,) = torch.autograd.grad(torch.trace(A.double() @ leaf @ B.double() @ leaf), leaf)
    return grad


def _trace_size(A: torch.Tensor, X: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    A, X, B = A.double().abs(), X.double().abs(), B.double().abs()
    return A.T @ X.T @ B.T + B.T @ X.T @ A.T


def test_trace_grad_shape(student):
    """The gradient has X's shape: for X (3, 4) and A, B (4, 3), A.T @ X.T @ B.T is (3, 4)."""
    A, X, B = torch.randn(4, 3), torch.randn(3, 4), torch.randn(4, 3)
    expect.tensor(student.trace_grad(A, X, B), "trace_grad(A, X, B) for X of shape (3, 4)",
                  shape=(3, 4), dtype=torch.float32)


def test_trace_grad_known_values(student):
    """A.T @ X.T @ B.T + B.T @ X.T @ A.T: both terms, each with all three transposes."""
    X = torch.arange(12.0).reshape(3, 4)
    A = torch.tensor([[1.0, 0.0, 2.0], [0.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 2.0, 1.0]])
    B = torch.tensor([[0.0, 1.0, 1.0], [2.0, 0.0, 0.0], [0.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    expect.close(student.trace_grad(A, X, B), _trace_gradient(A, X, B),
                 "trace_grad(A, X, B) for X = arange(12) as (3, 4) (compared with autograd)",
                 dtype=torch.float32, scale=_trace_size(A, X, B))
