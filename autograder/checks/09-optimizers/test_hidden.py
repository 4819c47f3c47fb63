"""Hidden checks for 09-optimizers: trajectories, in-place states, autograd, step counts.

Each check's docstring is the hint shown when it fails. Every update runs, in the worker,
on a problem far from its optimum (`autograder.probes_optim.Problem`) with the kit setting
each step's gradient, as `backward()` would, and a learning rate that changes every step;
the grader runs the same problem in float64 with the reference's formulas, and with
`torch.optim` where it computes the same thing, and compares every step of the path.
The states an update gets are the kit's own zeros, shaped as its init function's must be,
so that an update is graded apart from the init function beside it.
"""

from __future__ import annotations

import math

import pytest
import torch

from autograder import expect
from autograder.probes_optim import InitProbe, Problem, hyperparams, learning_rates

STATES = {"sgd_momentum": "zeros", "adagrad": "zeros", "rmsprop": "zeros", "adam": "pairs"}
HYPER = {"sgd_momentum": ("lr", "momentum"), "adagrad": ("lr", "eps"),
         "rmsprop": ("lr", "gamma", "eps"), "adam": ("lr", "beta1", "beta2", "eps")}


def _function(student, name: str):
    """The student's function itself, as a handle, for a probe to call in the worker."""
    return student.request("getattr", {"name": name}, keep=True)


# -- init functions -------------------------------------------------------------------------
def _state_tensors(student, name: str, dtype: str) -> list[dict]:
    """The facts of every tensor the init function returned, in order (v, s for Adam)."""
    described = student.make("optim_init", function=_function(student, name),
                             dtype=dtype).call("describe")
    expect.expect(described["items"] is not None,
                  f"{name}(params) returned a {described['kind']}, expected a list")
    tensors = []
    for state in described["items"]:
        tensors.extend(state["items"] if state.get("items") else [state])
    expect.expect(all(t["kind"] == "tensor" for t in tensors),
                  f"{name}(params) returned states that are not tensors: "
                  f"{sorted({t['kind'] for t in tensors if t['kind'] != 'tensor'})}")
    return tensors


def _expect_follows_dtype(student, name: str) -> None:
    for facts in _state_tensors(student, name, "float64"):
        expect.expect(facts["dtype"] == "float64",
                      f"for float64 params, {name} made a {facts['dtype']} state, expected "
                      "float64", hint="torch.zeros_like(p), not torch.zeros(p.shape): the "
                                      "state must have the param's dtype (and device).")
        expect.expect(not facts["requires_grad"],
                      f"{name} made a state that requires grad; states are not parameters",
                      hint="torch.zeros_like(p) does not copy requires_grad; do not add it.")


def _expect_separate(student, name: str) -> None:
    probe = student.make("optim_init", function=_function(student, name))
    filled = probe.call("fill")
    for number, values in enumerate(filled["states"], start=1):
        expect.expect(bool((values == number).all()),
                      f"{name}: filling each state in place with its own number, state "
                      f"tensor {number} shows {values.reshape(-1)[:1].tolist()}, expected "
                      f"{number}: two states are one and the same tensor",
                      hint="Make a new zero tensor for every param (and both v and s for "
                           "Adam): [torch.zeros_like(p) for p in params], not [z] * n.")
    untouched = InitProbe(lambda params: []).params  # the same params, made here
    for index, (values, start) in enumerate(zip(filled["params"], untouched, strict=True)):
        expect.expect(torch.equal(values, start.detach()),
                      f"{name}: filling the states in place changed param {index}: a state "
                      "shares the param's memory", hint="A state is a new tensor "
                      "(torch.zeros_like(p)), not p, p.data or a view of it.")


def test_init_momentum_states_follow_params_dtype(student):
    """torch.zeros_like(p): the state has the param's dtype (float64 here) and does not
    require grad."""
    _expect_follows_dtype(student, "init_momentum_states")


def test_init_momentum_states_separate_tensors(student):
    """A new tensor for every param: no state shared between params, none that is (or views)
    the param itself."""
    _expect_separate(student, "init_momentum_states")


def test_init_adagrad_states_follow_params_dtype(student):
    """torch.zeros_like(p): the state has the param's dtype (float64 here) and does not
    require grad."""
    _expect_follows_dtype(student, "init_adagrad_states")


def test_init_adagrad_states_separate_tensors(student):
    """A new tensor for every param: no state shared between params, none that is (or views)
    the param itself."""
    _expect_separate(student, "init_adagrad_states")


def test_init_rmsprop_states_follow_params_dtype(student):
    """torch.zeros_like(p): the state has the param's dtype (float64 here) and does not
    require grad."""
    _expect_follows_dtype(student, "init_rmsprop_states")


def test_init_rmsprop_states_separate_tensors(student):
    """A new tensor for every param: no state shared between params, none that is (or views)
    the param itself."""
    _expect_separate(student, "init_rmsprop_states")


def test_init_adam_states_follow_params_dtype(student):
    """torch.zeros_like(p) for v and for s: the param's dtype (float64 here), no grad."""
    _expect_follows_dtype(student, "init_adam_states")


def test_init_adam_states_separate_tensors(student):
    """Two new tensors for every param: v and s are not one tensor (a pair (z, z) is), and
    no state is shared between params or with a param."""
    _expect_separate(student, "init_adam_states")


# -- paths -------------------------------------------------------------------------------
def _hyper(name: str, settings: dict, **changes) -> dict:
    hyper = {k: settings[k] for k in HYPER[name]}
    if name == "adam":
        hyper["t"] = 0
    hyper.update(changes)
    return hyper


def _student_path(student, name: str, hyper: dict, steps: int, lrs: list[float] | None):
    """The student's update on the worker's problem: its path, and the probe, afterwards."""
    problem = student.make("optim_problem", seed=student.seed, states=STATES[name])
    hp = student.make("optim_hyperparams", **hyper)
    path = problem.call("run", _function(student, name), hp, steps, lrs)
    return path, problem, hp


def _exact(update, seed: int, states: str | None, hyper: dict, steps: int,
           lrs: list[float] | None) -> tuple[list[torch.Tensor], Problem, dict]:
    """The same problem in float64 in the grader, updated by `update`."""
    with expect.one_thread():
        problem = Problem(seed, states=states, dtype="float64")
        hyper = hyperparams(**hyper)
        return problem.run(update, hyper, steps, lrs), problem, hyper


def _torch_optim(make, seed: int, hyper: dict, steps: int, lrs: list[float]):
    """torch.optim on the same float64 problem, the learning rate set before every step."""
    holder = {}

    def update(params, states, hyper):
        if "optimizer" not in holder:
            holder["optimizer"] = make(params)
        for group in holder["optimizer"].param_groups:
            group["lr"] = hyper["lr"]
        holder["optimizer"].step()
    return _exact(update, seed, None, hyper, steps, lrs)[0]


def _expect_path(path, expected: list[torch.Tensor], what: str, hint: str = "") -> None:
    """Each param's values at every step, within the rounding of float32 for the magnitude
    the path is made of: where it started plus the size of every step so far."""
    expect.expect(isinstance(path, list) and len(path) == len(expected),
                  f"{what}: the parameters could not be read back")
    for index, (got, want) in enumerate(zip(path, expected, strict=True)):
        steps = (want[1:] - want[:-1]).abs()
        made_of = want[:1].abs() + torch.cat([torch.zeros_like(want[:1]), steps.cumsum(0)])
        expect.close(got, want, f"{what}: param {index} of shape {tuple(want.shape[1:])}, "
                     "step by step (index 0 is the step)", dtype=torch.float32,
                     scale=made_of, hint=hint)


def _expect_trajectory(student, reference, assignment, name: str) -> None:
    settings = assignment.item(name).settings
    hyper, steps = _hyper(name, settings), settings["steps"]
    lrs = learning_rates(settings["lr"], steps)
    path, _, _ = _student_path(student, name, hyper, steps, lrs)
    expected, _, _ = _exact(getattr(reference, name), student.seed, STATES[name], hyper,
                            steps, lrs)
    _expect_path(path, expected, f"{steps} steps of {name}, the learning rate changing "
                 "every step")


def test_sgd_momentum_trajectory(student, reference, assignment):
    """Every step: v = momentum * v + grad, then p -= lr * v, for every param, with this
    call's lr (it changes between calls)."""
    _expect_trajectory(student, reference, assignment, "sgd_momentum")


def test_adagrad_trajectory(student, reference, assignment):
    """Every step: s += grad ** 2 (accumulated over all steps), then
    p -= lr * grad / sqrt(s + eps), element by element."""
    _expect_trajectory(student, reference, assignment, "adagrad")


def test_rmsprop_trajectory(student, reference, assignment):
    """Every step: s = gamma * s + (1 - gamma) * grad ** 2, then
    p -= lr * grad / sqrt(s + eps): gamma weights the old s."""
    _expect_trajectory(student, reference, assignment, "rmsprop")


def test_adam_trajectory(student, reference, assignment):
    """Every step: t += 1; v = beta1 v + (1 - beta1) g; s = beta2 s + (1 - beta2) g ** 2;
    p -= lr * v_hat / (sqrt(s_hat) + eps) with v_hat = v / (1 - beta1 ** t),
    s_hat = s / (1 - beta2 ** t)."""
    _expect_trajectory(student, reference, assignment, "adam")


def test_sgd_momentum_matches_torch_optim(student, assignment):
    """The same path as torch.optim.SGD(params, lr, momentum=momentum): its buffer is your
    v, updated as v = momentum * v + grad, and the step is lr * v."""
    settings = assignment.item("sgd_momentum").settings
    hyper, steps = _hyper("sgd_momentum", settings), settings["steps"]
    lrs = learning_rates(settings["lr"], steps)
    path, _, _ = _student_path(student, "sgd_momentum", hyper, steps, lrs)
    expected = _torch_optim(lambda params: torch.optim.SGD(params, lr=lrs[0],
                                                           momentum=settings["momentum"]),
                            student.seed, hyper, steps, lrs)
    _expect_path(path, expected, f"{steps} steps of sgd_momentum against torch.optim.SGD")


def test_adam_matches_torch_optim(student, assignment):
    """The same path as torch.optim.Adam(params, lr, betas=(beta1, beta2), eps): bias
    correction from the first step, eps added after the square root."""
    settings = assignment.item("adam").settings
    hyper, steps = _hyper("adam", settings), settings["steps"]
    lrs = learning_rates(settings["lr"], steps)
    path, _, _ = _student_path(student, "adam", hyper, steps, lrs)
    expected = _torch_optim(lambda params: torch.optim.Adam(
        params, lr=lrs[0], betas=(settings["beta1"], settings["beta2"]), eps=settings["eps"]),
        student.seed, hyper, steps, lrs)
    _expect_path(path, expected, f"{steps} steps of adam against torch.optim.Adam")


def test_sgd_momentum_lr_scales_only_the_step(student, assignment):
    """The state is v = momentum * v + grad, without lr: when lr changes between calls, v
    is the same and only the step lr * v changes."""
    settings = assignment.item("sgd_momentum").settings
    momentum = settings["momentum"]
    _, problem, _ = _student_path(student, "sgd_momentum",
                                  _hyper("sgd_momentum", settings), 2, [0.1, 1.0])
    report = problem.call("report")
    grads = problem.call("gradient_history")
    for index, state in enumerate(report["original_states"]):
        first, second = grads[0][index].double(), grads[1][index].double()
        expect.close(state, momentum * first + second,
                     f"the state v of param {index} after two calls with lr 0.1 then 1.0",
                     dtype=torch.float32, scale=momentum * first.abs() + second.abs(),
                     hint="v = momentum * v + grad: lr is not part of v.")


# -- in place, and no autograd ---------------------------------------------------------------
def _state_scale(name: str, grads: list[list[torch.Tensor]], index: int) -> torch.Tensor:
    """What a state is summed from: every gradient so far, or its square."""
    if name == "adam":
        g = [step[index // 2].double() for step in grads]
        return sum(x.abs() for x in g) if index % 2 == 0 else sum(x ** 2 for x in g)
    g = [step[index].double() for step in grads]
    return sum(x.abs() for x in g) if name == "sgd_momentum" else sum(x ** 2 for x in g)


def _expect_in_place(student, reference, assignment, name: str) -> None:
    """After one step the lists hold the very tensors they were given; after three, the
    init function's state tensors hold what the formulas give."""
    settings = assignment.item(name).settings
    hyper, steps = _hyper(name, settings), 3
    lrs = learning_rates(settings["lr"], steps)
    _, problem, hp = _student_path(student, name, hyper, 1, lrs[:1])
    report = problem.call("report")
    for index, same in enumerate(report["same_params"]):
        expect.expect(same, f"after {name}, params[{index}] is no longer the tensor it was "
                      "given: update each param in place (p -= ..., or p.data = ...), do not "
                      "put a new tensor in the list",
                      hint="A model keeps its own parameter objects; only updates made to "
                           "those objects train it.")
    for index, same in enumerate(report["same_states"]):
        expect.expect(same, f"after {name}, states[{index // 2 if name == 'adam' else index}] "
                      "is no longer the tensor the init function made: the states were "
                      "replaced instead of updated in place",
                      hint="Update the states in place: v.mul_(...).add_(...), s += ..., "
                           "or v.copy_(...); a new tensor in the list is lost to the caller.")
    problem.call("run", _function(student, name), hp, steps - 1, lrs[1:])
    report = problem.call("report")
    _, exact, _ = _exact(getattr(reference, name), student.seed, STATES[name], hyper, steps,
                         lrs)
    exact_states = [s for state in exact.states
                    for s in (state if isinstance(state, tuple) else (state,))]
    for index, (got, want) in enumerate(zip(report["original_states"], exact_states,
                                            strict=True)):
        expect.close(got, want.detach(), f"after {steps} steps of {name}, state tensor "
                     f"{index} as the init function made it", dtype=torch.float32,
                     scale=_state_scale(name, exact.grads, index),
                     hint="Update the states in place, so that the next call sees them.")


def test_sgd_momentum_updates_in_place(student, reference, assignment):
    """Update each param and each state in place: the same tensor objects, changed."""
    _expect_in_place(student, reference, assignment, "sgd_momentum")


def test_adagrad_updates_in_place(student, reference, assignment):
    """Update each param and each state in place: the same tensor objects, changed."""
    _expect_in_place(student, reference, assignment, "adagrad")


def test_rmsprop_updates_in_place(student, reference, assignment):
    """Update each param and each state in place: the same tensor objects, changed."""
    _expect_in_place(student, reference, assignment, "rmsprop")


def test_adam_updates_in_place(student, reference, assignment):
    """Update each param, and v and s of each state, in place: the same tensor objects."""
    _expect_in_place(student, reference, assignment, "adam")


def _expect_not_recorded(student, assignment, name: str) -> None:
    settings = assignment.item(name).settings
    _, problem, _ = _student_path(student, name, _hyper(name, settings), 1, None)
    for index, facts in enumerate(problem.call("report")["params"]):
        expect.expect(facts["kind"] == "tensor" and facts["is_leaf"] and
                      facts["requires_grad"] and facts["grad_fn"] is None,
                      f"after {name}, params[{index}] has requires_grad="
                      f"{facts.get('requires_grad')}, is_leaf={facts.get('is_leaf')}, "
                      f"grad_fn={facts.get('grad_fn')}; expected a leaf that requires grad",
                      hint="Update under torch.no_grad() (or through p.data): autograd must "
                           "not record an optimizer step.")


def test_sgd_momentum_no_autograd_recording(student, assignment):
    """Update under torch.no_grad(): params stay leaves that require grad, no grad_fn."""
    _expect_not_recorded(student, assignment, "sgd_momentum")


def test_adagrad_no_autograd_recording(student, assignment):
    """Update under torch.no_grad(): params stay leaves that require grad, no grad_fn."""
    _expect_not_recorded(student, assignment, "adagrad")


def test_rmsprop_no_autograd_recording(student, assignment):
    """Update under torch.no_grad(): params stay leaves that require grad, no grad_fn."""
    _expect_not_recorded(student, assignment, "rmsprop")


def test_adam_no_autograd_recording(student, assignment):
    """Update under torch.no_grad(): params stay leaves that require grad, no grad_fn."""
    _expect_not_recorded(student, assignment, "adam")


# -- eps by default, and Adam's step counter ---------------------------------------------------
def _one_step(student, name: str, grad: float, hyper: dict, states: list) -> tuple:
    """One call on a param [1.0] whose gradient is `grad`; the param and states after."""
    param = student.make("leaf", value=torch.tensor([1.0]), grad=torch.tensor([grad]))
    kept = [student.make("tensor", value=torch.tensor([s])) for s in states]
    hp = student.make("optim_hyperparams", **hyper)
    student.call(name, [param], [tuple(kept)] if len(kept) == 2 else kept, hp)
    return param.inspect()["value"], hp


def _expect_default_eps(student, name: str, hyper: dict, s_after: float) -> None:
    grad = 1e-3  # grad ** 2 = 1e-6: the size of eps, so its default shows in the step
    param, _ = _one_step(student, name, grad, hyper, [0.0])
    step = hyper["lr"] * grad / math.sqrt(s_after + 1e-6)
    expect.close(param, torch.tensor([1.0 - step], dtype=torch.float64),
                 f"{name} without 'eps' in hyperparams, on a gradient of 1e-3",
                 dtype=torch.float32, scale=1.0,
                 hint="eps = hyperparams.get('eps', 1e-6): 1e-6 when it is not given.")


def test_adagrad_default_eps(student):
    """Without "eps" in hyperparams, eps = 1e-6: hyperparams.get("eps", 1e-6)."""
    _expect_default_eps(student, "adagrad", {"lr": 0.1}, 1e-6)


def test_rmsprop_default_eps(student):
    """Without "eps" in hyperparams, eps = 1e-6: hyperparams.get("eps", 1e-6)."""
    _expect_default_eps(student, "rmsprop", {"lr": 0.1, "gamma": 0.9}, 0.1 * 1e-6)


def test_adam_counts_steps(student, assignment):
    """hyperparams["t"] counts the calls: increment it (t += 1) before using it, and keep it
    in the dict, so the bias correction of call 11 uses t = 11."""
    settings = assignment.item("adam").settings
    beta1, beta2, eps, lr = (settings[k] for k in ("beta1", "beta2", "eps", "lr"))
    v0, s0, grad = 0.2, 0.05, -0.5
    param, hp = _one_step(student, "adam", grad, {**_hyper("adam", settings), "t": 10},
                          [v0, s0])
    t = hp.call("get", "t")
    expect.expect(t == 11, f"after a call with hyperparams['t'] = 10 it is {t!r}, expected 11",
                  hint="hyperparams['t'] += 1, in the dict itself, before the update.")
    v = beta1 * v0 + (1 - beta1) * grad
    s = beta2 * s0 + (1 - beta2) * grad ** 2
    v_hat, s_hat = v / (1 - beta1 ** 11), s / (1 - beta2 ** 11)
    step = lr * v_hat / (math.sqrt(s_hat) + eps)
    expect.close(param, torch.tensor([1.0 - step], dtype=torch.float64),
                 "the param after a call at t = 10 (so the 11th step)", dtype=torch.float32,
                 scale=1.0, hint="Bias-correct with the incremented t: 1 - beta1 ** t.")


# -- no torch.optim ------------------------------------------------------------------------
def _expect_by_hand(student, assignment, answers, other_cells, name: str) -> None:
    param = student.make("leaf", value=torch.randn(3), grad=torch.randn(3))
    states = [student.make("tensor", value=torch.zeros(3))]
    if name == "adam":
        states = [(states[0], student.make("tensor", value=torch.zeros(3)))]
    hp = student.make("optim_hyperparams",
                      **_hyper(name, assignment.item(name).settings))
    expect.no_shortcuts(student, assignment.item(name), answers.get(name, ""), other_cells,
                        [param], states, hp)


@pytest.mark.gate
def test_sgd_momentum_no_torch_optim(student, assignment, answers, other_cells):
    """By hand: no torch.optim (SGD, Adam, ...) in any form; the point is to write the step."""
    _expect_by_hand(student, assignment, answers, other_cells, "sgd_momentum")


@pytest.mark.gate
def test_adagrad_no_torch_optim(student, assignment, answers, other_cells):
    """By hand: no torch.optim (SGD, Adam, ...) in any form; the point is to write the step."""
    _expect_by_hand(student, assignment, answers, other_cells, "adagrad")


@pytest.mark.gate
def test_rmsprop_no_torch_optim(student, assignment, answers, other_cells):
    """By hand: no torch.optim (SGD, Adam, ...) in any form; the point is to write the step."""
    _expect_by_hand(student, assignment, answers, other_cells, "rmsprop")


@pytest.mark.gate
def test_adam_no_torch_optim(student, assignment, answers, other_cells):
    """By hand: no torch.optim (SGD, Adam, ...) in any form; the point is to write the step."""
    _expect_by_hand(student, assignment, answers, other_cells, "adam")
