"""Visible checks for 01-linear-regression: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions.
"""

import torch

from autograder import expect


# -- synthetic_data ---------------------------------------------------------------------
def test_synthetic_data_shapes(student):
    """X has shape (num_examples, len(w)); y is a column, (num_examples, 1); both float32."""
    result = student.synthetic_data(torch.tensor([2.0, -3.4]), 4.2, 1000)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"synthetic_data returned {expect.describe(result)}, expected (X, y)")
    expect.tensor(result[0], "X", shape=(1000, 2), dtype=torch.float32)
    expect.tensor(result[1], "y", shape=(1000, 1), dtype=torch.float32)


# -- data_iter ----------------------------------------------------------------------------
def _one_pass(student, batch_size, features, labels):
    batches, done = student.keep("data_iter", batch_size, features, labels).draw(1000)
    expect.expect(done, "data_iter did not stop after 1000 batches",
                  hint="Loop over range(0, num_examples, batch_size) once, then stop.")
    for i, batch in enumerate(batches):
        expect.expect(isinstance(batch, (tuple, list)) and len(batch) == 2,
                      f"batch {i} is {expect.describe(batch)}, expected a pair (X, y)")
        expect.tensor(batch[0], f"X of batch {i}")
        expect.tensor(batch[1], f"y of batch {i}")
    return batches


def test_data_iter_covers_every_example_once(student):
    """One pass yields every example exactly once; the last batch may be smaller."""
    features = torch.arange(23.0).reshape(23, 1)
    labels = 10 * features
    batches = _one_pass(student, 5, features, labels)
    sizes = [len(X) for X, _ in batches]
    expect.expect(sizes == [5, 5, 5, 5, 3], f"23 examples in batches of 5 gave batch sizes "
                  f"{sizes}, expected [5, 5, 5, 5, 3]",
                  hint="Keep the last, smaller batch; take each index once (no sampling "
                       "with replacement).")
    seen = torch.cat([X.reshape(-1) for X, _ in batches]).sort().values
    expect.close(seen, torch.arange(23.0), "the examples seen in one pass (sorted)")
    for X, y in batches:
        expect.close(y.reshape(-1), 10 * X.reshape(-1), "the labels of a batch",
                     hint="Index features and labels with the SAME indices, so each "
                          "example keeps its label.")


# -- linreg -------------------------------------------------------------------------------
def test_linreg_known_values(student):
    """linreg is the matrix product X @ w plus the scalar b: shape (n, 1)."""
    X = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    w, b = torch.tensor([[1.0], [-1.0]]), torch.tensor(0.5)
    expect.close(student.linreg(X, w, b), torch.tensor([[-0.5], [-0.5]]),
                 "linreg([[1, 2], [3, 4]], [[1], [-1]], 0.5)", scale=X.abs() @ w.abs() + b.abs())


# -- squared_loss -----------------------------------------------------------------------
def test_squared_loss_known_values(student):
    """Reshape y to y_hat's shape first, then (y_hat - y) ** 2 / 2, one value per example."""
    y_hat = torch.tensor([[1.0], [2.0], [4.0]])
    y = torch.tensor([1.0, 3.0, 2.0])
    what = "squared_loss(y_hat of shape (3, 1), y of shape (3,))"
    loss = expect.tensor(student.squared_loss(y_hat, y), what, shape=(3, 1),
                         hint="Without y.reshape(y_hat.shape), (3, 1) - (3,) broadcasts to "
                              "(3, 3); and do not reduce (no mean or sum).")
    expect.close(loss, torch.tensor([[0.0], [0.5], [2.0]]), what,
                 scale=(y_hat.abs() + y.abs().reshape(3, 1)) ** 2 / 2)


# -- sgd ------------------------------------------------------------------------------------
def test_sgd_updates_in_place(student):
    """In place, under torch.no_grad(): param -= lr * param.grad / batch_size."""
    w0, gw = torch.tensor([[1.0], [2.0]]), torch.tensor([[4.0], [-8.0]])
    b0, gb = torch.tensor([0.5]), torch.tensor([2.0])
    w = student.make("leaf", value=w0, grad=gw)
    b = student.make("leaf", value=b0, grad=gb)
    student.call("sgd", [w, b], 0.1, 4)
    after = w.inspect()["value"]
    expect.expect(not torch.equal(after, w0), "w did not change after sgd([w, b], lr=0.1, "
                  "batch_size=4)", hint="Update the tensors themselves (param -= ...); "
                  "`param = param - ...` only rebinds a local name, and zeroing .grad "
                  "before the update leaves nothing to step with.")
    step_w, step_b = 0.1 * gw.double() / 4, 0.1 * gb.double() / 4
    expect.close(after, w0.double() - step_w, "w after sgd([w, b], lr=0.1, batch_size=4)",
                 dtype=torch.float32, scale=step_w.abs())
    expect.close(b.inspect()["value"], b0.double() - step_b, "b after the same call",
                 dtype=torch.float32, scale=step_b.abs())


# -- LinearRegression ----------------------------------------------------------------------
def test_LinearRegression_structure(student):
    """One sub-module, self.linear = nn.Linear(num_inputs, 1); forward returns (n, 1)."""
    net = student.keep("LinearRegression", 3)
    state = net.call("state_dict")
    names = sorted(state) if isinstance(state, dict) else state
    expect.expect(names == ["linear.bias", "linear.weight"],
                  f"LinearRegression(3) has parameters {names}, "
                  "expected linear.weight and linear.bias",
                  hint="Name the layer self.linear, and call super().__init__() first.")
    expect.tensor(state["linear.weight"], "linear.weight", shape=(1, 3))
    expect.tensor(net.call("forward", torch.randn(5, 3)), "LinearRegression(3) on 5 examples",
                  shape=(5, 1))


# -- train_linear_regression ---------------------------------------------------------------
def test_train_linear_regression_returns_model(student):
    """Build the model, train it with nn.MSELoss and optim.SGD, and return the model."""
    features = torch.randn(50, 2)
    labels = features @ torch.tensor([[1.0], [2.0]]) + 0.5
    net = student.call("train_linear_regression", features, labels, 1, 0.03, 10)
    state = net.call("state_dict") if hasattr(net, "call") else None
    expect.expect(isinstance(state, dict) and "linear.weight" in state,
                  f"train_linear_regression returned {expect.describe(net)}, expected the "
                  "trained LinearRegression")
    expect.tensor(state["linear.weight"], "the trained linear.weight", shape=(1, 2))
