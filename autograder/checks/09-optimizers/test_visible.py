"""Visible checks for 09-optimizers: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values (one or two steps on numbers small enough to follow on paper) and the kit's
probes, never the reference solutions.
"""

import math

import torch

from autograder import expect

SHAPES = ((3, 4), (4,), ())  # the parameters autograder.probes_optim.InitProbe makes


def _function(student, name: str):
    """The student's function itself, as a handle, for a probe to call in the worker."""
    return student.request("getattr", {"name": name}, keep=True)


def _tensor_said(facts: dict) -> str:
    if facts["kind"] != "tensor":
        return f"a {facts['kind']}"
    return f"a {facts['dtype']} tensor of shape {tuple(facts['shape'])}"


def expect_states(student, name: str, *, pairs: bool, dtype: str = "float32") -> dict:
    """The init function's result on params of shapes (3, 4), (4,) and (): a list with one
    zero tensor per param (a pair of them, for Adam), of the param's shape and dtype."""
    described = student.make("optim_init", function=_function(student, name),
                             dtype=dtype).call("describe")
    what = f"{name}(params) for {len(SHAPES)} params of shapes {', '.join(map(str, SHAPES))}"
    expect.expect(described["kind"] == "list" and described["items"] is not None,
                  f"{what} returned a {described['kind']}, expected a list",
                  hint="Return a list: [... for p in params] (not a generator or a dict).")
    items = described["items"]
    expect.expect(len(items) == len(SHAPES), f"{what} returned {len(items)} states, expected "
                  f"{len(SHAPES)}: one per param")
    for index, (state, shape) in enumerate(zip(items, SHAPES, strict=True)):
        tensors = state["items"] if pairs and state.get("items") else [state]
        if pairs:
            expect.expect(state["kind"] in ("tuple", "list") and len(tensors) == 2,
                          f"{what}: state {index} is {_tensor_said(state)}, expected a pair "
                          "(v, s) of tensors", hint="[(torch.zeros_like(p), "
                          "torch.zeros_like(p)) for p in params]")
        for part, facts in zip(("v", "s") if pairs else ("",), tensors, strict=True):
            label = f"state {index}{' ' + part if part else ''}"
            expect.expect(facts["kind"] == "tensor" and facts["shape"] == list(shape)
                          and facts["dtype"] == dtype,
                          f"{what}: {label} is {_tensor_said(facts)}, expected a {dtype} "
                          f"tensor of shape {shape}, like its param",
                          hint="torch.zeros_like(p) has p's shape, dtype and device.")
            expect.expect(bool((facts["values"] == 0).all()),
                          f"{what}: {label} is not all zeros",
                          hint="The states start at zero (torch.zeros_like, not "
                               "torch.empty_like or a copy of p).")
    return described


def test_init_momentum_states_zeros(student):
    """One zero tensor per param, of its shape: [torch.zeros_like(p) for p in params]."""
    expect_states(student, "init_momentum_states", pairs=False)


def test_init_adagrad_states_zeros(student):
    """One zero tensor per param, of its shape: [torch.zeros_like(p) for p in params]."""
    expect_states(student, "init_adagrad_states", pairs=False)


def test_init_rmsprop_states_zeros(student):
    """One zero tensor per param, of its shape: [torch.zeros_like(p) for p in params]."""
    expect_states(student, "init_rmsprop_states", pairs=False)


def test_init_adam_states_zero_pairs(student):
    """A pair (v, s) of zero tensors per param: [(torch.zeros_like(p), torch.zeros_like(p))
    for p in params]."""
    expect_states(student, "init_adam_states", pairs=True)


# -- updates, by hand --------------------------------------------------------------------------
P0 = [1.0, -2.0]


def steps_by_hand(student, name: str, grads: list[list[float]], hyper: dict,
                  states: list[list[float]]) -> tuple[torch.Tensor, list, object]:
    """The student's update called once per gradient on one param of two values, with its
    states given as zeros: the param, the states and the hyperparams afterwards."""
    param = student.make("leaf", value=torch.tensor(P0))
    kept = [student.make("tensor", value=torch.tensor(s)) for s in states]
    given = [tuple(kept)] if len(kept) == 2 else kept
    hp = student.make("optim_hyperparams", **hyper)
    for grad in grads:
        student.make("optim_with_grad", tensor=param, grad=torch.tensor(grad))
        student.call(name, [param], given, hp)
    return param.inspect()["value"], [s.inspect()["value"] for s in kept], hp


def expect_values(got: torch.Tensor, expected: list[float], what: str, hint: str = "") -> None:
    wanted = torch.tensor(expected, dtype=torch.float64)
    expect.close(got, wanted, what, dtype=torch.float32, scale=wanted.abs() + 1, hint=hint)


def test_sgd_momentum_two_steps(student):
    """v = momentum * v + grad, then p -= lr * v: from p = [1, -2] with grads [0.5, -1] and
    [1, 2], lr 0.1, momentum 0.9: v = [1.45, 1.1] and p = [0.805, -2.01]."""
    p, (v,), _ = steps_by_hand(student, "sgd_momentum", [[0.5, -1.0], [1.0, 2.0]],
                               {"lr": 0.1, "momentum": 0.9}, [[0.0, 0.0]])
    expect_values(v, [1.45, 1.1], "the state v after two steps",
                  hint="The state is v itself (v = momentum * v + grad), lr only scales the "
                       "step: p -= lr * v.")
    expect_values(p, [0.805, -2.01], "the param after two steps of sgd_momentum")


def test_adagrad_two_steps(student):
    """s += grad ** 2, then p -= lr * grad / sqrt(s + eps): from p = [1, -2] with grads
    [3, -4] and [0, 3], lr 0.5: s = [9, 25] and p = [0.5, -1.8]."""
    eps = 1e-6
    p, (s,), _ = steps_by_hand(student, "adagrad", [[3.0, -4.0], [0.0, 3.0]],
                               {"lr": 0.5, "eps": eps}, [[0.0, 0.0]])
    expect_values(s, [9.0, 25.0], "the state s after two steps",
                  hint="s accumulates: s += grad ** 2 (the sum of all squared gradients).")
    expected = [1 - 0.5 * 3 / math.sqrt(9 + eps),
                -2 + 0.5 * 4 / math.sqrt(16 + eps) - 0.5 * 3 / math.sqrt(25 + eps)]
    expect_values(p, expected, "the param after two steps of adagrad")


def test_rmsprop_two_steps(student):
    """s = gamma * s + (1 - gamma) * grad ** 2, then p -= lr * grad / sqrt(s + eps): from
    p = [1, -2] with grads [3, -4] and [0, 3], lr 0.1, gamma 0.9: s = [0.81, 2.34]."""
    eps, gamma = 1e-6, 0.9
    p, (s,), _ = steps_by_hand(student, "rmsprop", [[3.0, -4.0], [0.0, 3.0]],
                               {"lr": 0.1, "gamma": gamma, "eps": eps}, [[0.0, 0.0]])
    expect_values(s, [0.81, 0.9 * 1.6 + 0.1 * 9], "the state s after two steps",
                  hint="gamma weights the old s, (1 - gamma) the new grad ** 2.")
    first = [1 - 0.1 * 3 / math.sqrt(0.9 + eps), -2 + 0.1 * 4 / math.sqrt(1.6 + eps)]
    expected = [first[0], first[1] - 0.1 * 3 / math.sqrt(2.34 + eps)]
    expect_values(p, expected, "the param after two steps of rmsprop")


def test_adam_first_step(student):
    """At t = 1 the bias corrections make v_hat = grad and s_hat = grad ** 2, so the first
    step is lr * grad / (|grad| + eps): lr in the direction of -grad, whatever its size;
    increment hyperparams["t"] first (0 -> 1)."""
    lr, eps = 0.1, 1e-8
    p, (v, s), hp = steps_by_hand(student, "adam", [[3.0, -0.5]],
                                  {"lr": lr, "beta1": 0.9, "beta2": 0.999, "eps": eps, "t": 0},
                                  [[0.0, 0.0], [0.0, 0.0]])
    t = hp.call("get", "t")
    expect.expect(t == 1, f"after the first call hyperparams['t'] is {t!r}, expected 1",
                  hint="hyperparams['t'] += 1 at the start of adam.")
    expect_values(v, [0.3, -0.05], "v after the first step (beta1 = 0.9)")
    expect_values(s, [0.009, 0.00025], "s after the first step (beta2 = 0.999)")
    expect_values(p, [1 - lr * 3 / (3 + eps), -2 + lr * 0.5 / (0.5 + eps)],
                  "the param after the first step of adam",
                  hint="v_hat = v / (1 - beta1 ** t), s_hat = s / (1 - beta2 ** t), then "
                       "p -= lr * v_hat / (sqrt(s_hat) + eps).")
