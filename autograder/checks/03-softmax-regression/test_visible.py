"""Visible checks for 03-softmax-regression: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions, so they run for a student
who does not have `solutions/`.
"""

import math

import torch

from autograder import expect


def _softmax_size(X: torch.Tensor, p: torch.Tensor) -> torch.Tensor:
    """What a probability is computed from: exp of logits as large as the row's largest."""
    return p.abs() * (X.abs() + X.abs().amax(dim=1, keepdim=True))


# -- softmax ----------------------------------------------------------------------------
def test_softmax_shape_and_dtype(student):
    """softmax(X) returns a float32 tensor of X's shape: one row of probabilities per row."""
    X = torch.randn(4, 5)
    expect.tensor(student.softmax(X), "softmax(X) for X of shape (4, 5)", shape=(4, 5),
                  dtype=torch.float32)


def test_softmax_rows_sum_to_one(student):
    """Normalize over dim 1 (each row), keepdim=True so the division broadcasts per row."""
    X = torch.randn(6, 3) * 3
    out = expect.tensor(student.softmax(X), "softmax(X)", shape=(6, 3))
    expect.close(out.sum(dim=1), torch.ones(6), "the row sums of softmax(X)",
                 scale=X.abs().amax(dim=1))
    expect.expect(bool((out >= 0).all()), "softmax(X) has negative entries",
                  hint="Probabilities come from exp(...), which is never negative.")


def test_softmax_known_values(student):
    """softmax(log([1, 2, 3])) is [1/6, 2/6, 3/6]: exp, then divide by the row's sum."""
    X = torch.log(torch.tensor([[1.0, 2.0, 3.0]]))
    expected = torch.tensor([[1 / 6, 2 / 6, 3 / 6]], dtype=torch.float64)
    expect.close(student.softmax(X), expected, "softmax(log([[1, 2, 3]]))",
                 dtype=torch.float32, scale=_softmax_size(X, expected))


def test_softmax_large_logits(student):
    """Subtract each row's own max before exp: exp(10000) overflows to inf, inf/inf is nan."""
    X = torch.tensor([[1e4, 0.0, -1e4], [1e4, 1e4, 0.0], [-1e4, -1e4, -1e4]])
    expected = torch.tensor([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0], [1 / 3, 1 / 3, 1 / 3]],
                            dtype=torch.float64)
    expect.close(student.softmax(X), expected, "softmax of logits as large as 1e4",
                 dtype=torch.float32, scale=_softmax_size(X, expected))


# -- cross_entropy ----------------------------------------------------------------------
def test_cross_entropy_shape(student):
    """cross_entropy(y_hat, y) returns one loss per example, shape (n,): not (n, 1), not a mean."""
    y_hat = torch.softmax(torch.randn(5, 3), dim=1)
    y = torch.tensor([0, 2, 1, 1, 0])
    expect.tensor(student.cross_entropy(y_hat, y), "cross_entropy(y_hat, y) for 5 examples",
                  shape=(5,), dtype=torch.float32)


def test_cross_entropy_known_values(student):
    """Pick each row's probability of its true class, y_hat[range(n), y], then take -log."""
    y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    y = torch.tensor([0, 2])
    expect.close(student.cross_entropy(y_hat, y),
                 torch.tensor([-math.log(0.1), -math.log(0.5)], dtype=torch.float64),
                 "cross_entropy([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], [0, 2])",
                 dtype=torch.float32, scale=1.0)


# -- accuracy ---------------------------------------------------------------------------
def test_accuracy_known_value(student):
    """accuracy is the FRACTION of rows whose argmax (dim 1) equals the label, e.g. 3/4."""
    y_hat = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    y = torch.tensor([1, 0, 0, 0])
    expect.number(student.accuracy(y_hat, y), 0.75, "accuracy", scale=1.0,
                  detail="(3 of 4 rows correct)")


# -- evaluate_accuracy ------------------------------------------------------------------
def _probe_data(n: int, num_inputs: int = 6, num_outputs: int = 4, right: float = 0.7):
    """Images, labels and linear weights whose predictions are right for a known fraction."""
    W, b = torch.randn(num_inputs, num_outputs), torch.randn(num_outputs)
    X = torch.randn(n, 1, 2, num_inputs // 2)
    predictions = (X.reshape(n, -1) @ W + b).argmax(dim=1)
    y = predictions.clone()
    wrong = torch.randperm(n)[: round(n * (1 - right))]
    y[wrong] = (y[wrong] + 1) % num_outputs
    return X, y, W, b, (predictions == y).double().mean().item()


def test_evaluate_accuracy_with_a_function(student):
    """Count correct predictions and examples over ALL batches; run under torch.no_grad()."""
    X, y, W, b, expected = _probe_data(10)
    net = student.make("probe_function", W=W, b=b)
    data = student.make("batches", features=X, labels=y, batch_size=4)
    expect.number(student.call("evaluate_accuracy", net, data), expected, "evaluate_accuracy",
                  scale=1.0, detail="on 10 examples in batches of 4, 4 and 2")


# -- softmax_regression ------------------------------------------------------------------
def test_softmax_regression_shape(student):
    """Flatten each example to a row (X.reshape(-1, W.shape[0])), then softmax(X @ W + b)."""
    X, W, b = torch.randn(5, 1, 2, 2), torch.randn(4, 3), torch.randn(3)
    out = expect.tensor(student.softmax_regression(X, W, b),
                        "softmax_regression(X, W, b) for 5 images of 2x2 pixels", shape=(5, 3))
    logits = X.reshape(5, 4).abs() @ W.abs() + b.abs()
    expect.close(out.sum(dim=1), torch.ones(5), "its row sums", scale=logits.amax(dim=1))


# -- train_softmax_regression ---------------------------------------------------------------
def test_train_softmax_regression_returns_parameters(student):
    """Return (W, b): W of shape (num_inputs, num_outputs), b of shape (num_outputs,)."""
    X, y = torch.rand(64, 1, 2, 3), torch.randint(0, 5, (64,))
    loader = student.make("loader", features=X, labels=y, batch_size=16)
    result = student.call("train_softmax_regression", loader, 6, 5, 1, 0.1)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"train_softmax_regression returned {expect.describe(result)}, "
                  "expected a pair (W, b)")
    expect.tensor(result[0], "W", shape=(6, 5), dtype=torch.float32)
    expect.tensor(result[1], "b", shape=(5,), dtype=torch.float32)
