"""Hidden checks for 03-softmax-regression: against the reference, edge cases, training.

Each check's docstring is the hint shown when it fails.
"""

import pytest
import torch

from autograder import expect
from autograder.datasets import grading_split

# the reference's softmax is the oracle; torch's is used only to make inputs
_probabilities = torch.softmax


def _softmax_size(X: torch.Tensor, p: torch.Tensor) -> torch.Tensor:
    """What a probability is computed from: exp of logits as large as the row's largest."""
    return p.abs() * (X.abs() + X.abs().amax(dim=1, keepdim=True))


# -- softmax ----------------------------------------------------------------------------
def test_softmax_matches_reference(student, reference):
    """Each row: exp(x - max(x)) divided by the row's sum of those exponentials."""
    for shape in [(8, 10), (1, 3), (3, 1)]:
        X = torch.randn(shape) * 5
        expected = expect.in_float64(reference.softmax, X)
        expect.close(student.softmax(X), expected, f"softmax(X) for X of {shape}",
                     dtype=torch.float32, scale=_softmax_size(X, expected))


def test_softmax_keeps_float64(student, reference):
    """Do not convert the dtype: float64 logits give float64 probabilities."""
    X = torch.randn(4, 6, dtype=torch.float64)
    expected = reference.softmax(X)
    expect.close(student.softmax(X), expected, "softmax of float64 logits",
                 scale=_softmax_size(X, expected))


def test_softmax_gradient(student, reference):
    """Build softmax from differentiable tensor ops (exp, max, sum, division), no .detach()."""
    X = torch.randn(3, 5, dtype=torch.float64)
    v = torch.randn(3, 5, dtype=torch.float64)
    _, grads = student.grad("softmax", (X,), wrt=(0,), grad_output=v)
    expect.expect(grads is not None and grads[0] is not None,
                  "no gradient flows from softmax(X) back to X")
    leaf = X.clone().requires_grad_(True)
    p = reference.softmax(leaf)
    (expected,) = torch.autograd.grad(p, leaf, v)
    p = p.detach()  # the gradient is p * (v - sum(p * v)), from p's own rounding
    size = _softmax_size(X, p) * (v.abs() + (p * v.abs()).sum(dim=1, keepdim=True))
    expect.close(grads[0], expected, "the gradient of softmax(X)", scale=size)


def test_softmax_gradcheck(student):
    """softmax must be differentiable as an op: its gradient matches its own finite differences."""
    expect.gradcheck(student, "softmax", (torch.randn(2, 4, dtype=torch.float64),))


def test_softmax_input_unchanged(student):
    """Do not change X in place (X -= ..., X.exp_()): compute new tensors instead."""
    X = torch.randn(3, 4)
    handle = student.make("tensor", value=X)
    student.call("softmax", handle)
    after = handle.inspect()["value"]
    expect.close(after, X, "X after calling softmax(X)")


@pytest.mark.gate
def test_softmax_no_library_softmax(student, assignment, answers, other_cells):
    """softmax from scratch: torch.exp and sum are fine; softmax/log_softmax are not."""
    expect.no_shortcuts(student, assignment.item("softmax"), answers.get("softmax", ""),
                        other_cells, torch.randn(3, 4))


# -- cross_entropy ----------------------------------------------------------------------
def test_cross_entropy_matches_reference(student, reference):
    """-log of the probability of the true class, one value per example."""
    y_hat = _probabilities(torch.randn(16, 10) * 2, dim=1)
    y = torch.randint(0, 10, (16,))
    # -log p of a p rounded to float32 is off by about eps, whatever the size of p
    expect.close(student.cross_entropy(y_hat, y),
                 expect.in_float64(reference.cross_entropy, y_hat, y),
                 "cross_entropy(y_hat, y) for 16 examples and 10 classes",
                 dtype=torch.float32, scale=1.0)


def test_cross_entropy_certain_prediction(student):
    """A probability of 1 for the true class costs nothing: -log(1) = 0, finite."""
    y_hat = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    y = torch.tensor([0, 2])
    expect.close(student.cross_entropy(y_hat, y), torch.zeros(2),
                 "cross_entropy at probability 1 for the true class", scale=1.0)


def test_cross_entropy_gradient(student, reference):
    """The loss must stay differentiable in y_hat: index and log, no .item() or numpy."""
    y_hat = _probabilities(torch.randn(4, 3, dtype=torch.float64), dim=1)
    y = torch.tensor([0, 2, 1, 1])
    _, grads = student.grad("cross_entropy", (y_hat, y), wrt=(0,))
    expect.expect(grads is not None and grads[0] is not None,
                  "no gradient flows from cross_entropy back to y_hat")
    leaf = y_hat.clone().requires_grad_(True)
    (expected,) = torch.autograd.grad(reference.cross_entropy(leaf, y).sum(), leaf)
    expect.close(grads[0], expected, "the gradient of cross_entropy with respect to y_hat")


def test_cross_entropy_gradcheck(student):
    """cross_entropy must be differentiable in y_hat: -log of the picked entries."""
    y_hat = _probabilities(torch.randn(3, 4, dtype=torch.float64), dim=1)
    expect.gradcheck(student, "cross_entropy", (y_hat, torch.tensor([1, 0, 3])))


@pytest.mark.gate
def test_cross_entropy_no_library_loss(student, assignment, answers, other_cells):
    """cross_entropy from scratch: index the true class and take -log yourself."""
    y_hat = _probabilities(torch.randn(4, 3), dim=1)
    expect.no_shortcuts(student, assignment.item("cross_entropy"),
                        answers.get("cross_entropy", ""), other_cells,
                        y_hat, torch.tensor([0, 1, 2, 0]))


# -- accuracy ---------------------------------------------------------------------------
def test_accuracy_matches_reference(student, reference):
    """argmax over the classes (dim 1), compare with y, and divide by the number of rows."""
    for n in (50, 7, 1):
        y_hat = torch.randn(n, 10)
        y = torch.randint(0, 10, (n,))
        expect.number(student.accuracy(y_hat, y), reference.accuracy(y_hat, y),
                      f"accuracy on {n} rows", scale=1.0)


def test_accuracy_all_wrong_is_zero(student):
    """No correct row gives 0.0, and the value stays within [0, 1]."""
    y_hat = torch.eye(3)
    value = student.accuracy(y_hat, torch.tensor([1, 2, 0]))
    expect.expect(value == 0.0, f"accuracy with every row wrong gave {value!r}, expected 0.0")


# -- evaluate_accuracy ------------------------------------------------------------------
def _probe(n_right, batch_sizes):
    """Linear probe weights and batches in which exactly `n_right` examples are right."""
    n = sum(batch_sizes)
    W, b = torch.randn(6, 4), torch.randn(4)
    X = torch.randn(n, 6)
    y = (X @ W + b).argmax(dim=1)
    y[n_right:] = (y[n_right:] + 1) % 4
    batches, start = [], 0
    for size in batch_sizes:
        batches.append((X[start:start + size], y[start:start + size]))
        start += size
    return W, b, batches, n_right / n


def _expect_accuracy(student, probe, n_right, batch_sizes, what):
    W, b, batches, expected = _probe(n_right, batch_sizes)
    value = student.call("evaluate_accuracy", student.make(probe, W=W, b=b), batches)
    expect.number(value, expected, "evaluate_accuracy", scale=1.0, detail=what)


def test_evaluate_accuracy_uneven_last_batch(student):
    """Weight every example equally: sum correct counts and sizes; do not average batches."""
    _expect_accuracy(student, "probe_function", 8, [4, 4, 1],
                     "(8 of 9 right; the last batch of 1 is wrong)")


def test_evaluate_accuracy_module_eval_mode(student):
    """For an nn.Module call net.eval() first, so dropout and the like behave as in testing."""
    _expect_accuracy(student, "probe_module", 10, [5, 5, 5],
                     "on a module: was it in eval mode, under no_grad?")


# -- softmax_regression ------------------------------------------------------------------
def test_softmax_regression_matches_reference(student, reference):
    """softmax(X.reshape(-1, W.shape[0]) @ W + b), with the bias added before softmax."""
    X, W, b = torch.randn(6, 1, 3, 3), torch.randn(9, 4), torch.randn(4)
    expected = expect.in_float64(reference.softmax_regression, X, W, b)
    logits = X.reshape(6, 9).abs() @ W.abs() + b.abs()  # what the logits are summed from
    expect.close(student.softmax_regression(X, W, b), expected,
                 "softmax_regression(X, W, b)", dtype=torch.float32,
                 scale=_softmax_size(logits, expected))


# -- train_softmax_regression ---------------------------------------------------------------
def _trained(student, data, settings, *, num_epochs, lr):
    """(W, b) from the student's training on the grader's training half, checked for shape."""
    loader = student.make("loader", features=data.train_images, labels=data.train_labels,
                          batch_size=settings["batch_size"], seed=settings["split_seed"])
    result = student.call("train_softmax_regression", loader, data.num_inputs,
                          data.num_outputs, num_epochs, lr)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"train_softmax_regression returned {expect.describe(result)}, "
                  "expected (W, b)")
    W = expect.tensor(result[0], "the trained W", shape=(data.num_inputs, data.num_outputs))
    b = expect.tensor(result[1], "the trained b", shape=(data.num_outputs,))
    expect.expect(bool(torch.isfinite(W).all() and torch.isfinite(b).all()),
                  "the trained W or b contains inf or nan",
                  hint="Are the gradients zeroed after every update (the given sgd does it)? "
                       "Does cross_entropy get softmax_regression's probabilities? Is lr the "
                       "one passed in?")
    return W.detach().float(), b.detach().float()


def _test_accuracy(reference, data, W, b):
    with torch.no_grad():
        return reference.accuracy(reference.softmax_regression(data.test_images, W, b),
                                  data.test_labels)


def test_train_softmax_regression_accuracy(student, reference, assignment):
    """Train from scratch: W, b with requires_grad=True; each minibatch y_hat =
    softmax_regression(X, W, b) (probabilities, not raw scores), then
    cross_entropy(y_hat, y).sum().backward() and sgd([W, b], lr, batch_size)."""
    settings = assignment.item("train_softmax_regression").settings
    data = grading_split(settings["split_seed"])
    W, b = _trained(student, data, settings, num_epochs=settings["num_epochs"],
                    lr=settings["lr"])
    accuracy = _test_accuracy(reference, data, W, b)
    expect.ramp(accuracy, floor=settings["floor_accuracy"], target=settings["target_accuracy"],
                what=f"test accuracy after {settings['num_epochs']} epochs on the grader's "
                     f"{len(data.test_labels)} held-out digits")


def test_train_softmax_regression_uses_its_arguments(student, reference, assignment):
    """Use the num_epochs and lr you are given: no fixed epoch count, no hard-coded lr."""
    settings = assignment.item("train_softmax_regression").settings
    data = grading_split(settings["split_seed"])
    for num_epochs, lr, what in ((0, settings["lr"], "num_epochs=0"),
                                 (settings["num_epochs"], 0.0, "lr=0")):
        accuracy = _test_accuracy(reference, data,
                                  *_trained(student, data, settings, num_epochs=num_epochs,
                                            lr=lr))
        expect.expect(accuracy < settings["floor_accuracy"],
                      f"with {what} the model still learned (test accuracy {accuracy:.3f}), "
                      "expected no learning")
