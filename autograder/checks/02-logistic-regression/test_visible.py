"""Visible checks for 02-logistic-regression: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions, so they run for a student
who does not have `solutions/`.
"""

import math

import torch

from autograder import expect
from autograder.student import StudentError


def _csv(student, name: str, text: str | None) -> str:
    """The path of a file holding `text`, written where the student's code runs."""
    return student.make("tabular_csv_file", name=name, text=text).call("__fspath__")


# -- sigmoid ----------------------------------------------------------------------------
def test_sigmoid_shape_and_dtype(student):
    """sigmoid(x) works element by element: a float32 tensor of x's shape, whatever the shape."""
    for shape in [(3, 4), (5,), (2, 1, 3)]:
        expect.tensor(student.sigmoid(torch.randn(shape)), f"sigmoid(x) for x of shape {shape}",
                      shape=shape, dtype=torch.float32)


def test_sigmoid_known_values(student):
    """sigmoid(x) = 1 / (1 + exp(-x)): sigmoid(0) = 1/2, sigmoid(log 3) = 3/4, and
    sigmoid(-log 3) = 1/4."""
    x = torch.tensor([0.0, math.log(3), -math.log(3), math.log(9), -math.log(9)])
    expected = torch.tensor([0.5, 0.75, 0.25, 0.9, 0.1], dtype=torch.float64)
    # probabilities are judged on the scale of 1, the sum that sigmoid(x) + sigmoid(-x) makes
    expect.close(student.sigmoid(x), expected, "sigmoid([0, log 3, -log 3, log 9, -log 9])",
                 dtype=torch.float32, scale=1.0)


def test_sigmoid_extremes(student):
    """Write 1 / (1 + exp(-x)): exp(x) / (1 + exp(x)) is inf / inf = nan once x > 88."""
    x = torch.tensor([-1000.0, -100.0, -88.0, -20.0, 0.0, 20.0, 88.0, 100.0, 1000.0])
    expected = 1 / (1 + torch.exp(-x.double()))
    expect.close(student.sigmoid(x), expected, "sigmoid of scores from -1000 to 1000",
                 dtype=torch.float32, scale=1.0)


# -- binary_cross_entropy -----------------------------------------------------------------
def test_binary_cross_entropy_scalar(student):
    """Return the MEAN over all elements as a scalar tensor of shape (): not a sum, not one
    loss per example."""
    y_hat, y = torch.rand(6, 1) * 0.8 + 0.1, torch.randint(0, 2, (6, 1)).float()
    expect.tensor(student.binary_cross_entropy(y_hat, y),
                  "binary_cross_entropy(y_hat, y) for y_hat and y of shape (6, 1)", shape=(),
                  dtype=torch.float32)


def test_binary_cross_entropy_known_values(student):
    """Each element costs -(y log y_hat + (1 - y) log(1 - y_hat)); return the mean of them."""
    y_hat = torch.tensor([[0.9], [0.2], [0.6], [0.5]])
    y = torch.tensor([[1.0], [0.0], [0.0], [1.0]])
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.4) + math.log(0.5)) / 4
    expect.close(student.binary_cross_entropy(y_hat, y),
                 torch.tensor(expected, dtype=torch.float64),
                 "binary_cross_entropy([0.9, 0.2, 0.6, 0.5], [1, 0, 0, 1])",
                 dtype=torch.float32, scale=1.0)


def test_binary_cross_entropy_certain_predictions(student):
    """Clamp y_hat to [eps, 1 - eps] with eps = 1e-7 before the logs: log(0) is -inf, and
    0 * -inf is nan."""
    right = student.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([0.0, 1.0]))
    right = expect.tensor(right, "binary_cross_entropy of certain, right predictions", shape=())
    expect.expect(bool(torch.isfinite(right)) and 0 <= right.item() < 1e-5,
                  f"binary_cross_entropy([0, 1], [0, 1]) gave {right.item():.4g}, expected about "
                  "0 (finite): certain and right predictions cost nothing")
    wrong = student.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0]))
    wrong = expect.tensor(wrong, "binary_cross_entropy of certain, wrong predictions", shape=())
    # at the clamp float32 rounds 1 - 1e-7, so only the rough size is checked: about 16
    expect.expect(bool(torch.isfinite(wrong)) and 15 < wrong.item() < 17,
                  f"binary_cross_entropy([0, 1], [1, 0]) gave {wrong.item():.4g}, expected about "
                  f"-log(1e-7) = {-math.log(1e-7):.1f} (finite)")


# -- CSVDataset -----------------------------------------------------------------------------
_TOY = ["0.5,1.5,-2,1", "3,0.25,4,0", "-1,2,0,1", "8,-0.125,16,0", "2,2,2,1"]


def test_CSVDataset_length_and_items(student):
    """len(dataset) is the number of rows; dataset[i] is (all columns but the last as float32
    (d,), the last column as float32 (1,)). No header: the first line is a row; and a final
    newline ends the last row, it starts no empty one."""
    path = _csv(student, "toy.csv", "\n".join(_TOY) + "\n")
    view = student.make("tabular_view", dataset=student.keep("CSVDataset", path))
    length = view.call("length")
    expect.expect(length == 5, f"len(CSVDataset(path)) for a file of 5 rows gave {length!r}, "
                  "expected 5")
    for i in (0, 3, 4):
        item = view.call("item", i)
        expect.expect(isinstance(item, (tuple, list)) and len(item) == 2,
                      f"dataset[{i}] returned {expect.describe(item)}, expected a pair "
                      "(features, label)")
        row = torch.tensor([float(v) for v in _TOY[i].split(",")], dtype=torch.float64)
        expect.close(item[0], row[:-1], f"the features of dataset[{i}] (line {i + 1}: "
                     f"{_TOY[i]})", dtype=torch.float32,
                     hint="All columns but the last, as float32 (np.loadtxt gives float64 "
                          "unless told dtype=np.float32).")
        expect.close(item[1], row[-1:], f"the label of dataset[{i}] (line {i + 1}: {_TOY[i]})",
                     dtype=torch.float32,
                     hint="The last column, as a tensor of shape (1,): row[-1:], not row[-1].")


def test_CSVDataset_missing_file(student):
    """A file that does not exist: let open() raise its FileNotFoundError (it names the file)."""
    present = _csv(student, "present.csv", "1,2,0\n3,4,1\n")
    # a file that exists must read: the error below has to come from the file being missing
    student.make("tabular_view", dataset=student.keep("CSVDataset", present)).call("items", 10)
    path = _csv(student, "no-such-file.csv", None)
    try:
        view = student.make("tabular_view", dataset=student.keep("CSVDataset", path))
        view.call("items", 10)  # a dataset that reads lazily may open the file only now
    except StudentError as error:
        if error.type == "NotImplementedError":
            raise  # said as such, not as a wrong error
        expect.expect(error.type in ("FileNotFoundError", "ValueError"),
                      f"CSVDataset of a missing file raised {error.type}, expected "
                      "FileNotFoundError (or ValueError)")
        expect.expect("no-such-file.csv" in error.detail,
                      f"the error for a missing file says {error.detail!r}, which does not "
                      "name the file no-such-file.csv")
        return
    expect.fail("CSVDataset of a file that does not exist raised no error, expected "
                "FileNotFoundError")


# -- LogisticRegression -----------------------------------------------------------------------
def test_LogisticRegression_structure(student):
    """One sub-module, self.linear = nn.Linear(num_inputs, 1); forward returns (n, 1)
    probabilities."""
    net = student.keep("LogisticRegression", 3)
    state = net.call("state_dict")
    names = sorted(state) if isinstance(state, dict) else state
    expect.expect(names == ["linear.bias", "linear.weight"],
                  f"LogisticRegression(3) has parameters {names}, "
                  "expected linear.weight and linear.bias",
                  hint="Name the layer self.linear, and call super().__init__() first.")
    expect.tensor(state["linear.weight"], "linear.weight", shape=(1, 3))
    out = expect.tensor(net.call("forward", torch.randn(5, 3) * 3),
                        "LogisticRegression(3) on 5 examples", shape=(5, 1))
    expect.expect(bool(((out >= 0) & (out <= 1)).all()),
                  "LogisticRegression's forward gave values outside [0, 1], expected "
                  "probabilities", hint="Apply the sigmoid to the linear layer's scores.")


# -- train_logistic_regression ---------------------------------------------------------------
def test_train_logistic_regression_returns_model(student):
    """Build LogisticRegression(num_inputs), train it with a BCE loss and optim.SGD, return it."""
    X = torch.randn(64, 3)
    y = (X @ torch.tensor([1.0, -2.0, 0.5]) > 0).float().reshape(-1, 1)
    loader = student.make("loader", features=X, labels=y, batch_size=16)
    net = student.call("train_logistic_regression", loader, 3, 2, 0.1)
    state = net.call("state_dict") if hasattr(net, "call") else None
    expect.expect(isinstance(state, dict) and "linear.weight" in state,
                  f"train_logistic_regression returned {expect.describe(net)}, expected the "
                  "trained LogisticRegression")
    expect.tensor(state["linear.weight"], "the trained linear.weight", shape=(1, 3))
