"""Hidden checks for 02-logistic-regression: against the reference, edge cases, training.

Each check's docstring is the hint shown when it fails.
"""

import re

import pytest
import torch

from autograder import expect
from autograder.student import StudentError
from autograder.tabular import grading_split


def _csv(student, name: str, text: str | None) -> str:
    """The path of a file holding `text`, written where the student's code runs."""
    return student.make("tabular_csv_file", name=name, text=text).call("__fspath__")


def _table(n: int, d: int) -> tuple[list[str], torch.Tensor]:
    """CSV lines of n rows (d features of mixed sizes and signs, a 0/1 label) and their values."""
    features = torch.randn(n, d, dtype=torch.float64) * 10.0 ** torch.randint(-3, 4, (n, d))
    labels = torch.randint(0, 2, (n, 1)).double()
    lines = [",".join(f"{v:.6g}" for v in row) for row in torch.cat([features, labels], 1).tolist()]
    values = torch.tensor([[float(v) for v in line.split(",")] for line in lines],
                          dtype=torch.float64)
    return lines, values


def _view(student, path: str):
    return student.make("tabular_view", dataset=student.keep("CSVDataset", path))


def _expect_rows(items, values: torch.Tensor, what: str) -> None:
    """Every item is (features, label) equal to its row of `values`, the label last."""
    expect.expect(isinstance(items, list), f"reading {what} gave {expect.describe(items)}")
    expect.expect(len(items) == len(values), f"the dataset of {what} has {len(items)} "
                  f"examples, expected {len(values)}")
    for i, item in enumerate(items):
        expect.expect(isinstance(item, (tuple, list)) and len(item) == 2,
                      f"dataset[{i}] returned {expect.describe(item)}, expected a pair "
                      "(features, label)")
        expect.close(item[0], values[i, :-1], f"the features of dataset[{i}] ({what})",
                     dtype=torch.float32)
        expect.close(item[1], values[i, -1:], f"the label of dataset[{i}] ({what})",
                     dtype=torch.float32)


# -- sigmoid ----------------------------------------------------------------------------
def test_sigmoid_matches_reference(student, reference):
    """1 / (1 + exp(-x)) for every element, the shape of x kept."""
    for shape in [(6, 7), (1,), (3, 1, 2)]:
        x = torch.randn(shape) * 6
        expect.close(student.sigmoid(x), expect.in_float64(reference.sigmoid, x),
                     f"sigmoid(x) for x of shape {shape}", dtype=torch.float32, scale=1.0)


def test_sigmoid_gradient(student, reference):
    """Build sigmoid from differentiable tensor ops (torch.exp, +, /): no numpy, no .detach()."""
    x, v = torch.randn(4, 5) * 3, torch.randn(4, 5)  # moderate scores, where sigmoid' > 0
    _, grads = student.grad("sigmoid", (x,), wrt=(0,), grad_output=v)
    expect.expect(grads is not None and grads[0] is not None,
                  "no gradient flows from sigmoid(x) back to x")
    leaf = x.double().requires_grad_(True)
    (expected,) = torch.autograd.grad(reference.sigmoid(leaf), leaf, v.double())
    # sigmoid' is at most 1/4: its rounding is on that scale, times the incoming gradient
    expect.close(grads[0], expected, "the gradient of sigmoid(x)", dtype=torch.float32,
                 scale=v.abs() / 4)


def test_sigmoid_input_unchanged(student):
    """Do not change x in place (x.neg_(), x *= -1, x.exp_()): compute new tensors."""
    x = torch.randn(3, 4)
    handle = student.make("tensor", value=x)
    student.call("sigmoid", handle)
    expect.close(handle.inspect()["value"], x, "x after calling sigmoid(x)")


@pytest.mark.gate
def test_sigmoid_no_library_sigmoid(student, assignment, answers, other_cells):
    """sigmoid from scratch: torch.exp is fine; torch.sigmoid, nn.Sigmoid and expit are not."""
    expect.no_shortcuts(student, assignment.item("sigmoid"), answers.get("sigmoid", ""),
                        other_cells, torch.randn(3, 4))


# -- binary_cross_entropy -----------------------------------------------------------------
def test_binary_cross_entropy_matches_reference(student, reference):
    """The mean over ALL elements of -(y log y_hat + (1 - y) log(1 - y_hat))."""
    for shape in [(8, 1), (5, 3), (10,)]:
        y_hat = torch.sigmoid(torch.randn(shape) * 3)
        y = torch.randint(0, 2, shape).float()
        # -log p of a float32 p is off by about eps whatever p: the scale is 1
        expect.close(student.binary_cross_entropy(y_hat, y),
                     expect.in_float64(reference.binary_cross_entropy, y_hat, y),
                     f"binary_cross_entropy(y_hat, y) for y_hat and y of shape {shape}",
                     dtype=torch.float32, scale=1.0)


def test_binary_cross_entropy_gradient(student, reference):
    """The loss must stay differentiable in y_hat: torch.log, torch.clamp and mean, no .item()."""
    y_hat = torch.sigmoid(torch.randn(6, 1) * 2)  # inside the clamp, where it passes gradients
    y = torch.randint(0, 2, (6, 1)).float()
    _, grads = student.grad("binary_cross_entropy", (y_hat, y), wrt=(0,))
    expect.expect(grads is not None and grads[0] is not None,
                  "no gradient flows from binary_cross_entropy back to y_hat")
    leaf = y_hat.double().requires_grad_(True)
    (expected,) = torch.autograd.grad(reference.binary_cross_entropy(leaf, y.double()), leaf)
    expect.close(grads[0], expected, "the gradient of binary_cross_entropy in y_hat",
                 dtype=torch.float32)


def test_binary_cross_entropy_input_unchanged(student):
    """Clamp into a new tensor (y_hat.clamp(...)), not in place (clamp_): y_hat is the caller's."""
    y_hat = torch.tensor([[0.0], [0.3], [1.0], [0.8]])
    y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    handles = [student.make("tensor", value=t) for t in (y_hat, y)]
    student.call("binary_cross_entropy", *handles)
    for handle, original, what in zip(handles, (y_hat, y), ("y_hat", "y"), strict=True):
        expect.close(handle.inspect()["value"], original,
                     f"{what} after calling binary_cross_entropy(y_hat, y)")


@pytest.mark.gate
def test_binary_cross_entropy_no_library_loss(student, assignment, answers, other_cells):
    """binary_cross_entropy from scratch, with torch.log and mean: not F.binary_cross_entropy,
    not nn.BCELoss."""
    y_hat, y = torch.rand(4, 1) * 0.8 + 0.1, torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    expect.no_shortcuts(student, assignment.item("binary_cross_entropy"),
                        answers.get("binary_cross_entropy", ""), other_cells, y_hat, y)


# -- CSVDataset -----------------------------------------------------------------------------
def test_CSVDataset_every_row(student):
    """Every line is one example, in file order: all values but the last are the features, the
    last is the label; negative numbers and exponents (1e-05) are floats like any other."""
    lines, values = _table(23, 4)
    view = _view(student, _csv(student, "table.csv", "\n".join(lines) + "\n"))
    length = view.call("length")
    expect.expect(length == 23, f"len(CSVDataset(path)) for a file of 23 rows gave {length!r}, "
                  "expected 23", hint="There is no header: every line is an example.")
    _expect_rows(view.call("items", 100), values, "a file of 23 rows")


def test_CSVDataset_one_row_no_final_newline(student):
    """A file of ONE row, and a last line without a newline, are ordinary files: np.loadtxt
    returns a 1-D array for one row (use ndmin=2), and text.count('\\n') misses the last line."""
    lines, values = _table(1, 3)
    _expect_rows(_view(student, _csv(student, "one.csv", lines[0])).call("items", 10), values,
                 "a file of one row, without a final newline")
    lines, values = _table(4, 2)
    _expect_rows(_view(student, _csv(student, "four.csv", "\n".join(lines))).call("items", 10),
                 values, "a file of 4 rows, the last without a final newline")


def _reading_error(student, path: str) -> StudentError | None:
    """What CSVDataset(path) raises, when built or (if it reads lazily) when its rows are read."""
    try:
        _view(student, path).call("items", 100)
    except StudentError as error:
        if error.type == "NotImplementedError":
            raise  # said as such, not as a wrong error
        return error
    return None


def test_CSVDataset_ragged_row(student):
    """A row with too few or too many values: raise ValueError(f"{path}, line {n}: ...") with n
    counted from 1 (enumerate(file, start=1)), so that whoever reads it can find the line."""
    for wrong, what in ((2, "too few"), (5, "too many")):
        lines, values = _table(9, 3)
        name = f"ragged-{what.replace(' ', '-')}.csv"
        # the same file with line 7 intact must read: the error has to come from that line
        _expect_rows(_view(student, _csv(student, name, "\n".join(lines) + "\n"))
                     .call("items", 100), values, "a file of 9 rows")
        lines[6] = ",".join(["1.5"] * wrong)  # line 7 of the file
        path = _csv(student, name, "\n".join(lines) + "\n")
        error = _reading_error(student, path)
        where = f"CSVDataset of a file whose line 7 has {wrong} values instead of 4"
        expect.expect(error is not None, f"{where} raised no error, expected ValueError")
        expect.expect(error.type == "ValueError",
                      f"{where} raised {error.type}: {error.detail}, expected ValueError")
        expect.expect(name in error.detail,
                      f"{where}: the message {error.detail!r} does not name the file")
        expect.expect(re.search(r"\b7\b", error.detail.replace(path, "")) is not None,
                      f"{where}: the message {error.detail!r} does not name line 7 (counted "
                      "from 1)")


def test_CSVDataset_in_a_DataLoader(student):
    """A DataLoader stacks your items: features (batch_size, d) and labels (batch_size, 1)."""
    lines, values = _table(10, 3)
    batches = _view(student, _csv(student, "batches.csv", "\n".join(lines) + "\n")) \
        .call("batches", 4)
    expect.expect(isinstance(batches, list) and len(batches) == 3,
                  f"a DataLoader with batch_size=4 over 10 rows gave {expect.describe(batches)} "
                  "batches, expected 3")
    for i, (start, size) in enumerate(((0, 4), (4, 4), (8, 2))):
        expect.expect(isinstance(batches[i], (tuple, list)) and len(batches[i]) == 2,
                      f"batch {i} of the DataLoader is {expect.describe(batches[i])}, expected "
                      "a pair (features, labels)")
        X, y = batches[i]
        rows = values[start:start + size]
        expect.close(X, rows[:, :-1], f"the features of batch {i}", dtype=torch.float32)
        expect.close(y, rows[:, -1:], f"the labels of batch {i}", dtype=torch.float32,
                     hint="Labels of shape (1,) per item stack to (batch_size, 1), the shape "
                          "of the model's output.")


# -- LogisticRegression -----------------------------------------------------------------------
def test_LogisticRegression_matches_reference(student, reference):
    """forward(X) is sigmoid(self.linear(X)): with the same weights, the same probabilities."""
    model = reference.LogisticRegression(5)
    net = student.keep("LogisticRegression", 5)
    try:
        net.call("load_state_dict", model.state_dict())
    except StudentError:
        expect.fail("weights named linear.weight (1, 5) and linear.bias (1,) do not load "
                    "into your LogisticRegression(5)",
                    hint="One layer, self.linear = nn.Linear(num_inputs, 1), bias included.")
    X = torch.randn(7, 5) * 2
    weight, bias = model.linear.weight.detach(), model.linear.bias.detach()
    expected = torch.sigmoid(X.double() @ weight.double().T + bias.double())
    scores = X.abs() @ weight.abs().T + bias.abs()  # what the scores are summed from
    for mode in ("train", "eval"):  # no dropout here: both modes compute the same
        net.call(mode)
        expect.close(net.call("forward", X), expected,
                     f"LogisticRegression(5).forward(X) in {mode} mode", dtype=torch.float32,
                     scale=1 + scores / 4,
                     hint="Return the probabilities sigmoid(linear(X)), not the scores.")


# -- train_logistic_regression ---------------------------------------------------------------
def _split(settings):
    return grading_split(settings["split_seed"], test_fraction=settings["test_fraction"],
                         noise=settings["noise"])


def _trained(student, reference, data, settings, *, num_epochs, lr):
    """The student's model, trained on the grader's training half, loaded into the reference."""
    loader = student.make("loader", features=data.train_features, labels=data.train_labels,
                          batch_size=settings["batch_size"], seed=settings["split_seed"])
    net = student.call("train_logistic_regression", loader, data.num_inputs, num_epochs, lr)
    state = net.call("state_dict") if hasattr(net, "call") else None
    expect.expect(isinstance(state, dict),
                  f"train_logistic_regression returned {expect.describe(net)}, expected the "
                  "trained LogisticRegression")
    model = reference.LogisticRegression(data.num_inputs)
    try:
        model.load_state_dict(state)
    except (RuntimeError, TypeError):
        expect.fail("the trained model's weights do not fit LogisticRegression "
                    "(linear.weight and linear.bias)")
    weights = torch.cat([model.linear.weight.detach().reshape(-1), model.linear.bias.detach()])
    expect.expect(bool(torch.isfinite(weights).all()), "the trained weights contain inf or nan",
                  hint="Is lr the one passed in? Is the loss computed on probabilities?")
    return model, weights


def _test_accuracy(model, data) -> float:
    with torch.no_grad():
        predictions = (model(data.test_features) >= 0.5).float()
    return (predictions == data.test_labels).float().mean().item()


def test_train_logistic_regression_accuracy(student, reference, assignment):
    """Each minibatch: loss = BCE(net(X), y), optimizer.zero_grad(), loss.backward(),
    optimizer.step(), with optim.SGD(net.parameters(), lr=lr); return the net."""
    settings = assignment.item("train_logistic_regression").settings
    data = _split(settings)
    model, _ = _trained(student, reference, data, settings, num_epochs=settings["num_epochs"],
                        lr=settings["lr"])
    expect.ramp(_test_accuracy(model, data), floor=settings["floor_accuracy"],
                target=settings["target_accuracy"],
                what=f"test accuracy after {settings['num_epochs']} epochs on the grader's "
                     f"{len(data.test_labels)} held-out patients")


def test_train_logistic_regression_uses_its_arguments(student, reference, assignment):
    """Use the num_epochs and lr you are given: with lr=0 or num_epochs=0 the model must come
    back as it was initialised; no fixed epoch count, no hard-coded lr."""
    settings = assignment.item("train_logistic_regression").settings
    data = _split(settings)
    num_epochs, lr = settings["num_epochs"], settings["lr"]

    def weights(num_epochs: int, lr: float) -> torch.Tensor:
        # every run from the check's seed: the same initial weights, the same minibatches
        return _trained(student, reference, data, settings, num_epochs=num_epochs, lr=lr)[1]

    def same(a: torch.Tensor, b: torch.Tensor) -> bool:  # one run's rounding, at most
        return bool(((a - b).abs() <= 1e-6 * (1 + b.abs())).all())

    trained, no_lr, no_epochs = weights(num_epochs, lr), weights(num_epochs, 0.0), weights(0, lr)

    expect.expect(not (same(no_lr, trained) and same(no_epochs, trained)),
                  "the same weights came back from training, with lr=0 and with "
                  "num_epochs=0: is the model trained at all, with the lr and num_epochs "
                  "given?")
    expect.expect(not same(no_lr, trained),
                  "with lr=0 the model still learned (it came back as the trained one): is "
                  "the learning rate hard-coded?")
    expect.expect(not same(no_epochs, trained),
                  "with num_epochs=0 the model still learned (it came back as the trained "
                  "one): is the number of epochs fixed?")
    expect.expect(same(no_lr, no_epochs),
                  "with lr=0 and with num_epochs=0, from the same seed, the model came back "
                  "with different weights, expected both as initialised",
                  hint="Build the model first, train only with the lr and num_epochs given.")
    # and not only 0: other values must give other weights (no fixed setting behind a test)
    expect.expect(not same(weights(num_epochs, lr / 2), trained),
                  f"training with lr={lr / 2} gave the same weights as with lr={lr}: is the "
                  "learning rate hard-coded?")
    expect.expect(not same(weights(num_epochs // 2, lr), trained),
                  f"training for {num_epochs // 2} epochs gave the same weights as for "
                  f"{num_epochs}: is the number of epochs fixed?")
