"""Hidden checks for 01-linear-regression: against the reference, statistics, training.

Each check's docstring is the hint shown when it fails.
"""

import pytest
import torch

from autograder import expect
from autograder.student import StudentError


# -- synthetic_data ---------------------------------------------------------------------
def test_synthetic_data_statistics(student):
    """X ~ N(0, 1); y = X @ w + b plus normal noise of standard deviation 0.01; w may be a list."""
    w, b, n = [1.5, -2.0, 0.5], -1.0, 20000
    result = student.synthetic_data(w, b, n)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"synthetic_data returned {expect.describe(result)}, expected (X, y)")
    X = expect.tensor(result[0], "X", shape=(n, 3))
    y = expect.tensor(result[1], "y", shape=(n, 1))
    # Bounds from the sample size: over 3n = 60000 draws of N(0, 1) the mean has standard
    # deviation 1/sqrt(60000) = 0.004 and the standard deviation 1/sqrt(120000) = 0.003, so
    # 0.03 is 7 to 10 of them; the n = 20000 noise values of std 0.01 give a mean within
    # 0.01/sqrt(n) = 7e-5 (0.001 is 14 of them) and a std within 0.01/sqrt(2n) = 5e-5 (0.001
    # is 20). float32 rounding of y (about 1e-6 at |y| ~ 10) is far below all of them.
    mean, std = X.double().mean().item(), X.double().std().item()
    expect.expect(abs(mean) < 0.03 and abs(std - 1) < 0.03,
                  f"X has mean {mean:.3f} and standard deviation {std:.3f}, expected 0 and 1",
                  hint="Draw X with torch.normal(0, 1, size) (torch.rand is uniform).")
    noise = (y.double().reshape(-1) - X.double() @ torch.tensor(w, dtype=torch.float64) - b)
    expect.expect(abs(noise.mean().item()) < 0.001,
                  f"y - (X @ w + b) has mean {noise.mean().item():.4f}, expected 0",
                  hint="y = X @ w + b + noise: are w and b both used?")
    expect.expect(0.009 < noise.std().item() < 0.011,
                  f"the noise y - (X @ w + b) has standard deviation {noise.std().item():.4f}, "
                  "expected 0.01")


# -- data_iter ----------------------------------------------------------------------------
def _order(student, seed, n=60):
    student.seed = seed
    features = torch.arange(float(n)).reshape(n, 1)
    batches, _ = student.keep("data_iter", n, features, features).draw(5)
    return [int(v) for v in batches[0][0].reshape(-1)] if batches else []


def test_data_iter_random_order(student):
    """Shuffle the example indices (random.shuffle or torch.randperm) at the start of a pass."""
    first, second = _order(student, 1), _order(student, 2)
    expect.expect(len(first) == 60, f"60 examples with batch_size 60 gave a first batch of "
                  f"{len(first)} examples, expected all 60")
    expect.expect(first != list(range(60)), "data_iter gave the examples in their original "
                  "order, expected a random order")
    expect.expect(first != second, "two passes gave the same order, expected a fresh random "
                  "order each pass")


def test_data_iter_inputs_unchanged(student):
    """Shuffle indices, not the data: features and labels must be left as they were."""
    features, labels = torch.arange(20.0).reshape(10, 2), torch.arange(10.0).reshape(10, 1)
    handles = [student.make("tensor", value=t) for t in (features, labels)]
    student.keep("data_iter", 3, *handles).draw(100)
    for handle, original, what in zip(handles, (features, labels), ("features", "labels"),
                                      strict=True):
        expect.close(handle.inspect()["value"], original, f"{what} after a pass of data_iter")


def test_data_iter_small_datasets(student):
    """A batch_size larger than the data gives one smaller batch; no example is dropped."""
    features = torch.arange(3.0).reshape(3, 1)
    batches, done = student.keep("data_iter", 5, features, features).draw(10)
    sizes = [len(b[0]) for b in batches]
    expect.expect(done and sizes == [3], f"3 examples with batch_size 5 gave batch sizes "
                  f"{sizes}, expected [3]")


# -- linreg -------------------------------------------------------------------------------
def test_linreg_matches_reference(student, reference):
    """X @ w + b, differentiable in w and b (no .detach(), no numpy)."""
    X, w, b = torch.randn(7, 3), torch.randn(3, 1), torch.randn(())
    expect.close(student.linreg(X, w, b), expect.in_float64(reference.linreg, X, w, b),
                 "linreg(X, w, b)", dtype=torch.float32, scale=X.abs() @ w.abs() + b.abs())
    _, grads = student.grad("linreg", (X, w, b), wrt=(1, 2))
    expect.expect(grads is not None and None not in grads,
                  "no gradient flows from linreg back to w and b")
    expect.close(grads[0], X.double().sum(dim=0).reshape(3, 1),
                 "the gradient of linreg's sum in w", dtype=torch.float32,
                 scale=X.abs().sum(dim=0).reshape(3, 1))
    expect.close(grads[1], torch.tensor(7.0), "the gradient of linreg's sum in b")


# -- squared_loss -----------------------------------------------------------------------
def test_squared_loss_matches_reference(student, reference):
    """Per-example loss, not reduced: (y_hat - y.reshape(y_hat.shape)) ** 2 / 2."""
    y_hat, y = torch.randn(8, 1), torch.randn(8)
    size = y_hat.abs() + y.abs().reshape(8, 1)  # what the difference is taken of
    expect.close(student.squared_loss(y_hat, y),
                 expect.in_float64(reference.squared_loss, y_hat, y),
                 "squared_loss(y_hat, y) for 8 examples", dtype=torch.float32,
                 scale=size ** 2 / 2)
    _, grads = student.grad("squared_loss", (y_hat, y), wrt=(0,))
    expect.expect(grads is not None and grads[0] is not None,
                  "no gradient flows from squared_loss back to y_hat")
    expect.close(grads[0], y_hat.double() - y.double().reshape(8, 1),
                 "the gradient of squared_loss in y_hat", dtype=torch.float32, scale=size)


# -- sgd ------------------------------------------------------------------------------------
def test_sgd_keeps_leaves(student):
    """Update under torch.no_grad(): params must stay leaves that require grad."""
    w = student.make("leaf", value=torch.randn(3, 1), grad=torch.randn(3, 1))
    student.call("sgd", [w], 0.03, 10)
    facts = w.inspect()
    expect.expect(facts["requires_grad"] and facts["is_leaf"] and facts["grad_fn"] is None,
                  f"after sgd the parameter has requires_grad={facts['requires_grad']}, "
                  f"is_leaf={facts['is_leaf']}, grad_fn={facts['grad_fn']}; expected a leaf "
                  "that requires grad")


def test_sgd_many_params(student):
    """Every parameter in the list gets its own update: lr * its grad / batch_size."""
    values = [torch.randn(4, 2), torch.randn(2), torch.randn(())]
    grads = [torch.randn_like(v) for v in values]
    params = [student.make("leaf", value=v, grad=g) for v, g in zip(values, grads, strict=True)]
    student.call("sgd", params, 0.5, 7)
    for i, (param, v, g) in enumerate(zip(params, values, grads, strict=True)):
        step = 0.5 * g.double() / 7
        expect.close(param.inspect()["value"], v.double() - step,
                     f"parameter {i} after sgd(params, lr=0.5, batch_size=7)",
                     dtype=torch.float32, scale=step.abs())


@pytest.mark.gate
def test_sgd_no_torch_optim(student, assignment, answers, other_cells):
    """sgd by hand: no torch.optim here (the concise version uses it later)."""
    w = student.make("leaf", value=torch.randn(2), grad=torch.randn(2))
    expect.no_shortcuts(student, assignment.item("sgd"), answers.get("sgd", ""), other_cells,
                        [w], 0.1, 2)


# -- LinearRegression ----------------------------------------------------------------------
def test_LinearRegression_matches_reference(student, reference):
    """forward(X) is self.linear(X): with the same weights, the same outputs."""
    model = reference.LinearRegression(4)
    net = student.keep("LinearRegression", 4)
    try:
        net.call("load_state_dict", model.state_dict())
    except StudentError:
        expect.fail("weights named linear.weight (1, 4) and linear.bias (1,) do not load "
                    "into your LinearRegression(4)",
                    hint="One layer, self.linear = nn.Linear(num_inputs, 1), bias included.")
    X = torch.randn(6, 4)
    weight, bias = model.linear.weight.detach(), model.linear.bias.detach()
    expected = X.double() @ weight.double().T + bias.double()
    expect.close(net.call("forward", X), expected, "LinearRegression(4).forward(X)",
                 dtype=torch.float32, scale=X.abs() @ weight.abs().T + bias.abs())


# -- train_linear_regression ---------------------------------------------------------------
def _training_error(student, reference, settings, *, num_epochs, lr):
    """Largest error of the learned w and b, trained by the student on the grader's data."""
    true_w = torch.tensor(settings["true_w"])
    features = torch.randn(settings["num_examples"], len(true_w))
    labels = (features @ true_w + settings["true_b"]
              + 0.01 * torch.randn(settings["num_examples"])).reshape(-1, 1)
    net = student.call("train_linear_regression", features, labels, num_epochs, lr,
                       settings["batch_size"])
    state = net.call("state_dict") if hasattr(net, "call") else None
    expect.expect(isinstance(state, dict),
                  f"train_linear_regression returned {expect.describe(net)}, expected the model")
    model = reference.LinearRegression(len(true_w))
    try:
        model.load_state_dict(state)
    except (RuntimeError, TypeError):
        expect.fail("the trained model's weights do not fit LinearRegression "
                    "(linear.weight and linear.bias)")
    learned = torch.cat([model.linear.weight.detach().reshape(-1), model.linear.bias.detach()])
    expect.expect(bool(torch.isfinite(learned).all()), "the trained weights contain inf or nan",
                  hint="Is lr the one passed in? Do net(X) and y have the same shape?")
    return (learned - torch.tensor([*settings["true_w"], settings["true_b"]])).abs().max().item()


def test_train_linear_regression_recovers_parameters(student, reference, assignment):
    """Each minibatch: zero_grad, loss = MSELoss(net(X), y) with y of net(X)'s shape (b, 1),
    backward, step, with optim.SGD(net.parameters(), lr=lr); return the net."""
    settings = assignment.item("train_linear_regression").settings
    error = _training_error(student, reference, settings, num_epochs=settings["num_epochs"],
                            lr=settings["lr"])
    expect.ramp(error, floor=settings["floor_error"], target=settings["target_error"],
                what=f"the largest error of the learned w and b after {settings['num_epochs']} "
                     "epochs")


def test_train_linear_regression_uses_its_arguments(student, reference, assignment):
    """Use the num_epochs and lr you are given: no fixed epoch count, no hard-coded lr."""
    settings = assignment.item("train_linear_regression").settings
    for num_epochs, lr, what in ((0, settings["lr"], "num_epochs=0"),
                                 (settings["num_epochs"], 0.0, "lr=0")):
        error = _training_error(student, reference, settings, num_epochs=num_epochs, lr=lr)
        expect.expect(error > settings["floor_error"],
                      f"with {what} the model still learned (largest error {error:.3f}), "
                      "expected no learning")
