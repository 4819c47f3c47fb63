"""Visible checks for 10-gpu: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and the kit's own probes, never the reference solutions. On any machine they need
no GPU: moving to the `meta` device (shapes and dtypes, no values) shows what a move to a
GPU would do.
"""

import torch

from autograder import expect
from autograder.probes_gpu import TrainSetup, describe, difference, loss_scale, moved, shown
from autograder.student import Remote

META = torch.device("meta")


def _described(student, value) -> dict:
    """What a result is, as plain data; one that stayed in the worker is described there."""
    if isinstance(value, Remote):
        return student.make("gpu_structure", value=value).call("describe")
    return describe(value)


def expect_moved(student, batch, device: torch.device, what: str) -> None:
    """to_device(batch, device) has batch's structure with every tensor on device."""
    got = _described(student, student.keep("to_device", batch, device))
    problem = difference(got, moved(describe(batch), str(device)))
    expect.expect(problem is None, f"{what}: {problem}")


# -- try_gpu ------------------------------------------------------------------------------
def expect_device(facts: dict, expected: str, what: str) -> None:
    expect.expect(facts["kind"] == "device",
                  f"{what} returned {shown(facts)}, expected torch.device('{expected}')",
                  hint="Return torch.device(...) itself, not a string.")
    expect.expect(facts["text"] == expected,
                  f"{what} returned torch.device('{facts['text']}'), expected "
                  f"torch.device('{expected}')")


def test_try_gpu_returns_a_device(student):
    """Return torch.device(f"cuda:{i}") if GPU i exists (torch.cuda.device_count() > i),
    else torch.device("cpu")."""
    count = torch.cuda.device_count()
    for args in ((), (count,), (count + 3,)):
        i = args[0] if args else 0
        expected = f"cuda:{i}" if i < count else "cpu"
        what = f"try_gpu({', '.join(map(str, args))}) with {count} GPUs here"
        expect_device(_described(student, student.keep("try_gpu", *args)), expected, what)


# -- to_device -----------------------------------------------------------------------------
def test_to_device_tensor_and_tuple(student):
    """A tensor moves with x.to(device); a tuple (X, y) becomes a tuple of moved tensors."""
    X, y = torch.randn(4, 3), torch.tensor([0, 1, 1, 0])
    expect_moved(student, X, META, "to_device(X, 'meta')")
    expect_moved(student, (X, y), META, "to_device((X, y), 'meta')")


# -- batched_matmul ---------------------------------------------------------------------------
def test_batched_matmul_known_values(student):
    """The k-th matrix of the result is A[k] @ B[k]: (b, n, m) @ (b, m, p) -> (b, n, p)."""
    A = torch.tensor([[[1.0, 2.0], [3.0, 4.0]], [[0.0, 1.0], [1.0, 0.0]]])
    B = torch.tensor([[[1.0, 0.0], [0.0, 1.0]], [[2.0, 3.0], [4.0, 5.0]]])
    expected = torch.tensor([[[1.0, 2.0], [3.0, 4.0]], [[4.0, 5.0], [2.0, 3.0]]],
                            dtype=torch.float64)
    expect.close(student.batched_matmul(A, B), expected,
                 "batched_matmul(A, B) for two 2x2 products (identity, then a swap of rows)",
                 dtype=torch.float32, scale=torch.bmm(A.abs(), B.abs()))
    A, B = torch.ones(3, 2, 4), torch.ones(3, 4, 1)
    expect.close(student.batched_matmul(A, B), torch.full((3, 2, 1), 4.0, dtype=torch.float64),
                 "batched_matmul of ones (3, 2, 4) @ (3, 4, 1)", dtype=torch.float32,
                 scale=4.0)


# -- train_step --------------------------------------------------------------------------------
def test_train_step_returns_loss_float(student, assignment):
    """Return loss.item(), a Python float: the loss of this batch before the update."""
    settings = assignment.item("train_step").settings
    sizes = {k: settings[k] for k in ("num_inputs", "num_hiddens", "num_outputs",
                                      "batch_size", "lr", "momentum")}
    setup = student.make("gpu_train_setup", seed=student.seed, num_batches=1, **sizes)
    function = student.request("getattr", {"name": "train_step"}, keep=True)
    (returned,) = setup.call("run", function, 1)
    exact = TrainSetup(student.seed, num_batches=1, dtype="float64", **sizes)
    X, y = exact.batches[0]
    with torch.no_grad():
        loss = exact.loss_fn(exact.model(X), y).item()
    expect.number(returned, loss, "train_step(model, X, y, optimizer, loss_fn)",
                  scale=loss_scale(exact.model, X, y), detail="(the loss before the update)",
                  hint="Return loss.item(): a float, not the tensor.")
    state = setup.call("state")
    expect.expect(any(not torch.equal(state[k], exact.state()[k].float()) for k in state),
                  "after train_step the model's weights had not changed",
                  hint="loss.backward(), then optimizer.step().")
