"""Hidden checks for 10-gpu: simulated GPUs, nested batches, loops, training, timing.

Each check's docstring is the hint shown when it fails. Without a GPU, the GPU timing
checks are not gradable here (`timing.gpu_or_skip`): their share of the item is left out
of the score and the maximum. Everything else is graded on any machine: a move to the
`meta` device shows what a move to a GPU would do, `gpu_fake_cuda` shows `try_gpu` a
machine with two GPUs, and the CPU timing of `batched_matmul` tells a Python loop apart.
"""

from __future__ import annotations

import ast

import pytest
import torch

from autograder import expect, timing
from autograder.engine import visible_of
from autograder.probes_gpu import TrainSetup, describe, difference, loss_scale, moved

_visible = visible_of(__file__)
_described, expect_moved, expect_device = \
    _visible._described, _visible.expect_moved, _visible.expect_device

META = torch.device("meta")
LOOP = "a Python loop over b"


def _function(student, name: str):
    """The student's function itself, as a handle, for a probe to call in the worker."""
    return student.request("getattr", {"name": name}, keep=True)


# -- try_gpu ------------------------------------------------------------------------------
def _on_fake_machine(student, count: int, cases) -> None:
    fake = student.make("gpu_fake_cuda", count=count)
    function = _function(student, "try_gpu")
    for args, expected in cases:
        what = f"try_gpu({', '.join(map(str, args))}) on a machine with {count} GPUs"
        expect_device(fake.call("run", function, *args), expected, what)


def test_try_gpu_on_a_machine_with_two_gpus(student):
    """GPU i exists when torch.cuda.device_count() > i: return torch.device(f"cuda:{i}")
    for it, and the CPU for any i beyond."""
    _on_fake_machine(student, 2, [((), "cuda:0"), ((0,), "cuda:0"), ((1,), "cuda:1"),
                                  ((2,), "cpu"), ((5,), "cpu")])


def test_try_gpu_without_a_gpu(student):
    """With no GPU (device_count() == 0), every try_gpu(i) is torch.device("cpu")."""
    _on_fake_machine(student, 0, [((), "cpu"), ((1,), "cpu")])


# -- to_device -----------------------------------------------------------------------------
def test_to_device_nested(student):
    """Call to_device on every element of a container: lists inside dicts inside tuples
    must all be reached (recursion)."""
    batch = ({"images": torch.rand(2, 1, 3, 3), "parts": [torch.zeros(2), torch.ones(3, 2)]},
             [torch.arange(4), (torch.eye(2), [torch.rand(1)])])
    expect_moved(student, batch, META, "to_device of a nested batch, to 'meta'")


def test_to_device_keeps_container_types(student):
    """Keep each container's type: type(batch)(...) makes a list from a list, a tuple from
    a tuple, a dict from a dict (an OrderedDict from an OrderedDict)."""
    from collections import OrderedDict

    for batch, what in (([torch.zeros(1), torch.ones(2)], "a list"),
                        ((torch.zeros(1), [torch.ones(2)]), "a tuple holding a list"),
                        (OrderedDict(x=torch.zeros(2), y=torch.ones(1)), "an OrderedDict")):
        kept = student.make("gpu_keep", value=batch, ordered=isinstance(batch, OrderedDict))
        got = student.make("gpu_structure", value=student.keep("to_device", kept, META))
        want = moved(describe(batch), "meta")
        problem = difference(got.call("describe"), want)
        expect.expect(problem is None, f"to_device of {what}, to 'meta': {problem}")


def test_to_device_keeps_every_key(student):
    """Keep every key of a dict, in order, tensors or not (lengths, ids, names)."""
    batch = {"tokens": torch.randint(0, 9, (2, 5)), "lengths": [5, 3], "name": "batch 7",
             "mask": torch.ones(2, 5, dtype=torch.bool), "weight": 0.5}
    expect_moved(student, batch, META, "to_device of a dict with non-tensor values")


def test_to_device_other_values_pass_through(student):
    """Values that are not tensors or containers (numbers, strings, None) are returned
    unchanged, at the top level and inside containers."""
    for value in (3, "text", None, 2.5):
        expect_moved(student, value, META, f"to_device({value!r}, 'meta')")
    expect_moved(student, [1, None, ("a", torch.zeros(1))], META,
                            "to_device of a list of numbers, None and a tuple")


def test_to_device_keeps_values(student):
    """Only move: x.to(device) keeps the values and the dtype (int64 labels stay int64,
    float64 stays float64); no .float(), no rounding."""
    batch = (torch.randn(3, 2, dtype=torch.float64), torch.tensor([1, 0, 2]),
             {"mask": torch.tensor([True, False])})
    expect_moved(student, batch, torch.device("cpu"), "to_device of a batch, to 'cpu'")


def test_to_device_input_unchanged(student):
    """Build a new container: do not write the moved tensors into the caller's list or
    dict (batch[i] = ...)."""
    batch = [torch.zeros(2), {"y": torch.ones(1)}]
    kept = student.make("gpu_keep", value=batch)
    student.keep("to_device", kept, META)
    after = student.make("gpu_structure", value=kept).call("describe")
    problem = difference(after, describe(batch))
    expect.expect(problem is None, f"the batch given to to_device was changed: {problem}",
                  hint="Return a new list or dict; leave the one you were given as it was.")


# -- batched_matmul ---------------------------------------------------------------------------
def test_batched_matmul_matches_bmm(student, reference):
    """Every matrix of the batch: A[k] @ B[k], for any b, n, m and p."""
    for b, n, m, p in ((5, 3, 4, 2), (1, 6, 6, 6), (7, 1, 3, 1), (4, 5, 1, 3)):
        A, B = torch.randn(b, n, m), torch.randn(b, m, p)
        expect.close(student.batched_matmul(A, B),
                     expect.in_float64(reference.batched_matmul, A, B),
                     f"batched_matmul of ({b}, {n}, {m}) @ ({b}, {m}, {p})",
                     dtype=torch.float32, scale=torch.bmm(A.abs(), B.abs()))


def test_batched_matmul_keeps_dtype_and_device(student, reference):
    """No .float() or .cpu(): float64 inputs give float64, inputs on a device give a
    result on it (here the meta device, a stand-in for a GPU)."""
    A, B = torch.randn(3, 2, 4, dtype=torch.float64), torch.randn(3, 4, 5, dtype=torch.float64)
    expect.close(student.batched_matmul(A, B), reference.batched_matmul(A, B),
                 "batched_matmul of float64 inputs", scale=torch.bmm(A.abs(), B.abs()))
    on_meta = student.keep("batched_matmul", A.float().to(META), B.float().to(META))
    got = _described(student, on_meta)
    want = {"kind": "tensor", "device": "meta", "dtype": "float32", "shape": [3, 2, 5]}
    problem = difference(got, want)
    expect.expect(problem is None, f"batched_matmul of inputs on the meta device: {problem}")


_SIZE_OF = {"shape", "size"}


def _tensor_names(function: ast.FunctionDef) -> set[str]:
    return {a.arg for a in function.args.args[:2]}


def _is_batch_size(node: ast.AST, tensors: set[str], batch: set[str]) -> bool:
    """len(A), A.shape[0], A.size(0), A.size()[0] (or index -3), or a name bound to one."""
    first = (0, -3)
    if isinstance(node, ast.Name):
        return node.id in batch
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id == "len" and node.args:
        return isinstance(node.args[0], ast.Name) and node.args[0].id in tensors
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "size" and node.args:
        target, index = node.func.value, node.args[0]
        return isinstance(target, ast.Name) and target.id in tensors and \
            isinstance(index, ast.Constant) and index.value in first
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
            and node.slice.value in first:
        sized = node.value
        if isinstance(sized, ast.Call):
            sized = sized.func
        return isinstance(sized, ast.Attribute) and sized.attr in _SIZE_OF \
            and isinstance(sized.value, ast.Name) and sized.value.id in tensors
    return False


def _batch_names(function: ast.FunctionDef, tensors: set[str]) -> set[str]:
    """Names the function binds to the batch size: b = A.shape[0], b, n, m = A.shape."""
    names: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name) and _is_batch_size(node.value, tensors, names):
                names.add(target.id)
            elif isinstance(target, ast.Tuple) and target.elts and \
                    isinstance(target.elts[0], ast.Name) and \
                    isinstance(node.value, (ast.Attribute, ast.Call)):
                sized = node.value.func if isinstance(node.value, ast.Call) else node.value
                if isinstance(sized, ast.Attribute) and sized.attr in _SIZE_OF and \
                        isinstance(sized.value, ast.Name) and sized.value.id in tensors:
                    names.add(target.elts[0].id)
    return names


def _over_batch(expression: ast.AST, tensors: set[str], batch: set[str]) -> bool:
    """Whether iterating `expression` goes over the batch: it is (or takes) one of the
    tensors themselves (A, zip(A, B), A.unbind(0)), or counts up to the batch size.
    A tensor named only for another dimension's size (A.shape[1]) does not count."""
    sized_elsewhere = set()
    for node in ast.walk(expression):
        if _is_batch_size(node, tensors, batch):
            return True
        if isinstance(node, ast.Attribute) and node.attr in _SIZE_OF | {"ndim", "dtype",
                                                                         "device"}:
            sized_elsewhere.add(id(node.value))
    return any(isinstance(node, ast.Name) and node.id in tensors
               and id(node) not in sized_elsewhere for node in ast.walk(expression))


def batch_loops(source: str) -> list[str]:
    """The Python loops over the batch in a cell's functions, as "code (line n)"."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
        tensors = _tensor_names(function)
        batch = _batch_names(function, tensors)
        for node in ast.walk(function):
            loops = []
            if isinstance(node, ast.For):
                loops.append((node.iter, f"for ... in {ast.unparse(node.iter)}"))
            elif isinstance(node, ast.While):
                loops.append((node.test, f"while {ast.unparse(node.test)}"))
            elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                loops += [(g.iter, f"a comprehension over {ast.unparse(g.iter)}")
                          for g in node.generators]
            elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)) \
                    and (getattr(node.func, "id", None) or node.func.attr) in ("map", "starmap"):
                loops += [(arg, f"{ast.unparse(node)[:60]}") for arg in node.args[1:]]
            for expression, said in loops:
                if _over_batch(expression, tensors, batch):
                    found.append(f"{said} (line {node.lineno})")
    return sorted(set(found))


def test_batched_matmul_no_python_loop(student, reference, answers):
    """No for, while, comprehension or map over the batch: one call computes all b products
    (torch.bmm(A, B), A @ B or torch.einsum("bnm,bmp->bnp", A, B))."""
    A, B = torch.randn(6, 2, 3), torch.randn(6, 3, 2)  # a right answer first, then its source
    expect.close(student.batched_matmul(A, B), expect.in_float64(reference.batched_matmul, A, B),
                 "batched_matmul of (6, 2, 3) @ (6, 3, 2)", dtype=torch.float32,
                 scale=torch.bmm(A.abs(), B.abs()))
    loops = batch_loops(answers.get("batched_matmul", ""))
    expect.expect(not loops, f"batched_matmul loops over the batch in Python: "
                             f"{'; '.join(loops)}",
                  hint="A Python loop pays its overhead (and on a GPU a kernel launch) once "
                       "per product; torch.bmm(A, B) does all b in one call.")


def looped_matmul(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """The witness: the Python loop over b that batched_matmul replaces."""
    return torch.stack([a @ b for a, b in zip(A, B, strict=True)])


def test_batched_matmul_cpu_speed(student, reference, assignment):
    """One batched call for all b products: a Python loop (or recursion, or reduce) over b
    pays Python's overhead b times, tens of times the reference's time on the CPU."""
    settings = assignment.item("batched_matmul").settings
    comparison = timing.compare(
        student, reference, "batched_matmul", "gpu_matmul_bank", device="cpu",
        arguments={"shape": settings["cpu_shape"]},
        plan=timing.Plan(target_seconds=settings["cpu_target_seconds"]),
        witnesses={LOOP: {"batched_matmul": looped_matmul}})
    if not comparison.early and comparison.ratio_of(LOOP) < settings["cpu_loop_ratio_needed"]:
        pytest.skip(f"on this machine now, {LOOP} is only {comparison.ratio_of(LOOP):.3g}x "
                    "slower than the reference, too close to tell a loop apart")
    timing.expect_speed(comparison, max_ratio=settings["cpu_max_ratio"],
                        floor_ratio=settings["cpu_floor_ratio"])


def test_batched_matmul_gpu_speed(student, reference, assignment):
    """On the GPU, all b products in one kernel: a loop launches b kernels, and .cpu() or
    .item() on the way wait for the GPU; compared with the reference on the same GPU."""
    device = timing.gpu_or_skip()
    settings = assignment.item("batched_matmul").settings
    comparison = timing.compare(student, reference, "batched_matmul", "gpu_matmul_bank",
                                device=device, arguments={"shape": settings["gpu_shape"]},
                                plan=timing.Plan(target_seconds=settings["gpu_target_seconds"]))
    timing.expect_speed(comparison, max_ratio=settings["gpu_max_ratio"],
                        floor_ratio=settings["gpu_floor_ratio"])


# -- train_step --------------------------------------------------------------------------------
def _sizes(assignment) -> dict:
    settings = assignment.item("train_step").settings
    return {k: settings[k] for k in ("num_inputs", "num_hiddens", "num_outputs", "batch_size",
                                     "lr", "momentum")}


def _student_run(student, assignment, steps: int, **options) -> tuple[list, dict]:
    """What the student's train_step returned on each step, and the weights after."""
    setup = student.make("gpu_train_setup", seed=student.seed, num_batches=steps,
                         **_sizes(assignment), **options)
    returned = setup.call("run", _function(student, "train_step"), steps)
    return returned, setup.call("state")


def _gradient_terms(setup: TrainSetup, X: torch.Tensor, y: torch.Tensor) -> dict:
    """The magnitude of the terms each weight's batch gradient is summed from.

    For a linear layer the gradient is a sum over examples of outer products, so the sum
    of their magnitudes is the product of magnitudes, |delta|^T |input|, with the deltas
    of the hidden layer themselves bounded by |delta_out| |W2|."""
    first, second = setup.model[0], setup.model[2]
    with torch.enable_grad():
        hidden_in = X @ first.weight.T + first.bias
        hidden = hidden_in.relu()
        logits = hidden @ second.weight.T + second.bias
        (delta_out,) = torch.autograd.grad(setup.loss_fn(logits, y), logits)
    delta_out = delta_out.abs()
    delta_in = (delta_out @ second.weight.detach().abs()) * (hidden_in.detach() > 0)
    return {"0.weight": delta_in.T @ X.abs(), "0.bias": delta_in.sum(dim=0),
            "2.weight": delta_out.T @ hidden.detach().abs(), "2.bias": delta_out.sum(dim=0)}


def _reference_run(reference, student, assignment, steps: int) -> tuple[list, dict, dict]:
    """The reference's losses and weights, in float64 on the same network and batches, and
    the magnitude each weight is computed from (its start, plus every step's terms)."""
    with expect.one_thread():
        return _reference_steps(reference, student, assignment, steps)


def _reference_steps(reference, student, assignment, steps: int) -> tuple[list, dict, dict]:
    sizes = _sizes(assignment)
    setup = TrainSetup(student.seed, num_batches=steps, dtype="float64", **sizes)
    scale = {k: v.abs().clone() for k, v in setup.state().items()}
    losses = []
    for X, y in setup.batches[:steps]:
        terms = _gradient_terms(setup, X, y)
        for k in scale:  # a step moves by lr * velocity, the velocity sums 1 / (1 - momentum)
            scale[k] += sizes["lr"] * terms[k] / (1 - sizes["momentum"])
        losses.append(reference.train_step(setup.model, X, y, setup.optimizer, setup.loss_fn))
    return losses, setup.state(), scale


def _expect_weights(state: dict, expected: dict, scale: dict, what: str, hint: str = "") -> None:
    expect.expect(isinstance(state, dict) and set(state) == set(expected),
                  f"{what}: the model's weights could not be read")
    for key in expected:
        expect.close(state[key], expected[key], f"{what}: the weight {key}",
                     dtype=torch.float32, scale=scale[key], hint=hint)


def test_train_step_loss_before_update(student, reference, assignment):
    """Return the loss computed in the forward pass of this step, before optimizer.step()
    (do not compute it again afterwards)."""
    returned, _ = _student_run(student, assignment, 3)
    losses, _, _ = _reference_run(reference, student, assignment, 1)
    exact = TrainSetup(student.seed, num_batches=1, dtype="float64", **_sizes(assignment))
    expect.number(returned[0], losses[0], "the loss train_step returned on its first batch",
                  scale=loss_scale(exact.model, *exact.batches[0]),
                  detail="(the loss before the update)")
    expect.expect(all(isinstance(v, float) for v in returned),
                  f"train_step returned {expect.describe(returned[1])} on a later step, "
                  "expected a Python float")


def test_train_step_update_matches_reference(student, reference, assignment):
    """One step updates the weights as optimizer.step() does after loss.backward():
    zero_grad, forward, loss, backward, step, in that order."""
    _, state = _student_run(student, assignment, 1)
    _, expected, scale = _reference_run(reference, student, assignment, 1)
    _expect_weights(state, expected, scale, "after one train_step")


def test_train_step_zeroes_gradients(student, reference, assignment):
    """Start with optimizer.zero_grad(): backward adds to .grad, so gradients left from an
    earlier backward pass would be added to this step's."""
    _, state = _student_run(student, assignment, 1, stale_grads=True)
    _, expected, scale = _reference_run(reference, student, assignment, 1)
    _expect_weights(state, expected, scale, "after one train_step, with stale gradients left "
                    "in .grad", hint="Call optimizer.zero_grad() before loss.backward().")


def test_train_step_many_steps(student, reference, assignment):
    """Step after step on the same model and optimizer (momentum carries over): the
    weights follow the reference's, step for step."""
    steps = assignment.item("train_step").settings["num_steps"]
    _, state = _student_run(student, assignment, steps)
    _, expected, scale = _reference_run(reference, student, assignment, steps)
    _expect_weights(state, expected, scale, f"after {steps} calls of train_step")


def test_train_step_gpu_speed(student, reference, assignment):
    """On the GPU, one step per call with nothing extra: no .cpu(), no extra .item() or
    print (each waits for the GPU), no second forward pass; compared with the reference on
    the same GPU."""
    device = timing.gpu_or_skip()
    settings = assignment.item("train_step").settings
    comparison = timing.compare(student, reference, "train_step", "gpu_train_bank",
                                device=device, arguments=settings["gpu_sizes"],
                                plan=timing.Plan(target_seconds=settings["gpu_target_seconds"],
                                                 max_calls=200))
    timing.expect_speed(comparison, max_ratio=settings["gpu_max_ratio"],
                        floor_ratio=settings["gpu_floor_ratio"])
