"""Hidden checks for 04-mlp-backprop: against the reference and autograd, edge cases, statistics.

Each check's docstring is the hint shown when it fails.
"""

import math

import pytest
import torch

from autograder import expect
from autograder.engine import visible_of
from autograder.forbidden import static_uses

_forward = visible_of(__file__)._forward  # mlp_forward's output and cache, checked

_GRADIENTS = ("dW1", "db1", "dW2", "db2")


def _function(student, name: str):
    """A handle on the student's function `name`, to hand to a probe in the worker."""
    return student.request("getattr", {"name": name})


# -- relu -------------------------------------------------------------------------------
def test_relu_matches_reference(student, reference):
    """max(x, 0) for every element, whatever the shape."""
    for shape in [(4, 6), (7,), (2, 3, 2)]:
        x = torch.randn(shape) * 3
        expect.close(student.relu(x), expect.in_float64(reference.relu, x),
                     f"relu(x) for x of shape {shape}", dtype=torch.float32)


def test_relu_large_inputs(student):
    """relu must stay finite for the largest floats: (x + |x|) / 2 overflows; clamp does not."""
    x = torch.tensor([-3e38, -1e30, -1.0, 1.0, 1e30, 3e38])
    expect.close(student.relu(x), x.double().clamp(min=0), "relu of values up to 3e38",
                 dtype=torch.float32)


def test_relu_input_unchanged(student):
    """Do not change x in place (x[x < 0] = 0, x.clamp_(min=0)): return a new tensor."""
    x = torch.randn(3, 4)
    handle = student.make("tensor", value=x)
    student.call("relu", handle)
    expect.close(handle.inspect()["value"], x, "x after calling relu(x)")


@pytest.mark.gate
def test_relu_no_library_relu(student, assignment, answers, other_cells):
    """relu from scratch: torch.clamp, torch.maximum or torch.where; not torch.relu or nn.ReLU."""
    expect.no_shortcuts(student, assignment.item("relu"), answers.get("relu", ""), other_cells,
                        torch.randn(3, 4))


# -- tanh -------------------------------------------------------------------------------
def test_tanh_matches_reference(student, reference):
    """(exp(x) - exp(-x)) / (exp(x) + exp(-x)) for every element, whatever the shape."""
    for shape in [(5, 6), (9,), (2, 2, 3)]:
        x = torch.randn(shape) * 3
        expect.close(student.tanh(x), expect.in_float64(reference.tanh, x),
                     f"tanh(x) for x of shape {shape}", dtype=torch.float32, scale=1.0)


def test_tanh_input_unchanged(student):
    """Do not change x in place (x.abs_(), x *= -2): compute new tensors."""
    x = torch.randn(3, 4)
    handle = student.make("tensor", value=x)
    student.call("tanh", handle)
    expect.close(handle.inspect()["value"], x, "x after calling tanh(x)")


@pytest.mark.gate
def test_tanh_no_library_tanh(student, assignment, answers, other_cells):
    """tanh from scratch with torch.exp; not torch.tanh, x.tanh(), nn.Tanh or np.tanh."""
    expect.no_shortcuts(student, assignment.item("tanh"), answers.get("tanh", ""), other_cells,
                        torch.randn(3, 4))


# -- mlp_forward and mlp_backward -------------------------------------------------------------
def _problem(n: int, d: int, h: int, q: int):
    """Random X, params and dout, with no hidden unit within 1e-3 of 0 (where the ReLU bends,
    float32 and float64 could disagree on which units are active)."""
    X, dout = torch.randn(n, d), torch.randn(n, q)
    params = [torch.randn(d, h), torch.randn(h), torch.randn(h, q), torch.randn(q)]
    while bool(((X.double() @ params[0].double() + params[1].double()).abs() < 1e-3).any()):
        params[1] = params[1] + 0.01
    return X, tuple(params), dout  # params as the contract writes them: a tuple


def _gradients(dout: torch.Tensor, X: torch.Tensor, params: tuple, reference) -> tuple:
    """Autograd's gradients of sum(output * dout) through the reference forward, in float64."""
    leaves = [p.double().requires_grad_(True) for p in params]
    output, _ = reference.mlp_forward(X.double(), leaves)
    return torch.autograd.grad((output * dout.double()).sum(), leaves)


def _by_hand(dout: torch.Tensor, X: torch.Tensor, params: tuple, *, at_zero: float) -> tuple:
    """The backward formulas in float64, with `at_zero` as the ReLU's derivative at 0."""
    W1, b1, W2, _ = (p.double() for p in params)
    X, dout = X.double(), dout.double()
    Z = X @ W1 + b1
    dZ = (dout @ W2.T) * torch.where(Z > 0, 1.0, torch.where(Z == 0, at_zero, 0.0))
    return X.T @ dZ, dZ.sum(dim=0), Z.clamp(min=0).T @ dout, dout.sum(dim=0)


def _gradient_sizes(dout: torch.Tensor, X: torch.Tensor, params: tuple) -> tuple:
    """What each gradient is summed from: the backward formulas on absolute values."""
    W1, b1, W2, _ = (p.double().abs() for p in params)
    X, dout = X.double().abs(), dout.double().abs()
    dH = dout @ W2.T  # (n, h)
    return X.T @ dH, dH.sum(dim=0), (X @ W1 + b1).T @ dout, dout.sum(dim=0)


def _expect_gradients(grads, expected: tuple, sizes: tuple, what: str) -> None:
    expect.expect(isinstance(grads, (tuple, list)) and len(grads) == 4,
                  f"mlp_backward returned {expect.describe(grads)}, expected the four "
                  "gradients (dW1, db1, dW2, db2)")
    for grad, wanted, size, name in zip(grads, expected, sizes, _GRADIENTS, strict=True):
        expect.close(grad, wanted, f"{name} {what}", dtype=torch.float32, scale=size)


_SHAPES = [(7, 5, 4, 3), (1, 3, 6, 2), (6, 4, 4, 4)]  # (n, d, h, q): a batch of one; all square


def test_mlp_forward_matches_reference(student, reference):
    """relu(X @ W1 + b1) @ W2 + b2 for any sizes, a batch of one example included."""
    for n, d, h, q in _SHAPES:
        X, params, _ = _problem(n, d, h, q)
        output, _ = _forward(student, X, params, n, q)
        W1, b1, W2, b2 = (p.double().abs() for p in params)
        size = (X.double().abs() @ W1 + b1) @ W2 + b2  # what the output is summed from
        expected, _ = reference.mlp_forward(X.double(), [p.double() for p in params])
        expect.close(output, expected, f"the output of mlp_forward for n={n}, d={d}, h={h}, q={q}",
                     dtype=torch.float32, scale=size)


def test_mlp_backward_matches_autograd(student, reference):
    """The chain rule layer by layer: dW2 = H.T @ dout, db2 = dout.sum(0), dH = dout @ W2.T,
    dZ = dH * (Z > 0), dW1 = X.T @ dZ, db1 = dZ.sum(0); for a batch of one example too."""
    for n, d, h, q in _SHAPES:
        X, params, dout = _problem(n, d, h, q)
        _, cache = _forward(student, X, params, n, q)
        _expect_gradients(student.call("mlp_backward", dout, cache),
                          _gradients(dout, X, params, reference),
                          _gradient_sizes(dout, X, params),
                          f"for n={n}, d={d}, h={h}, q={q} (compared with autograd)")


def test_mlp_backward_units_at_zero(student):
    """Where a hidden unit is exactly 0 the ReLU has no derivative: take it as 0, the mask
    Z > 0 (as torch.relu does); Z >= 0 (derivative 1) is accepted too, nothing in between."""
    X = torch.randint(-2, 3, (6, 4)).float()  # small integers: Z is exact, and often 0
    W1, b1 = torch.randint(-1, 2, (4, 5)).float(), torch.randint(-1, 2, (5,)).float()
    W1[:, 0], b1[0] = 0.0, 0.0  # unit 0 is exactly 0 for every example
    params = (W1, b1, torch.randn(5, 3), torch.randn(3))
    dout = torch.randn(6, 3)
    _, cache = _forward(student, X, params, 6, 3)
    grads = student.call("mlp_backward", dout, cache)
    sizes = _gradient_sizes(dout, X, params)
    what = "with hidden units exactly at 0"
    try:
        _expect_gradients(grads, _by_hand(dout, X, params, at_zero=1.0), sizes, what)
    except expect.CheckFailed:  # not the convention Z >= 0: then it must be Z > 0
        _expect_gradients(grads, _by_hand(dout, X, params, at_zero=0.0), sizes,
                          f"{what} (taking the ReLU's derivative there as 0)")


def test_mlp_backward_under_no_grad(student, reference):
    """By hand means no autograd: under torch.no_grad() the forward and backward passes give the
    same gradients (no .backward(), no torch.autograd.grad, no requires_grad_ tricks)."""
    X, params, dout = _problem(5, 4, 3, 2)
    pair = student.make("mlp_pair_without_grad", forward=_function(student, "mlp_forward"),
                        backward=_function(student, "mlp_backward"))
    _expect_gradients(pair.call(None, X, params, dout), _gradients(dout, X, params, reference),
                      _gradient_sizes(dout, X, params), "computed under torch.no_grad()")


@pytest.mark.gate
def test_mlp_backward_no_autograd(student, assignment, answers, other_cells):
    """mlp_backward by hand: matrix products, sums and a mask; no .backward(), no
    torch.autograd, no torch.func, neither in mlp_backward nor in the cache mlp_forward makes."""
    item = assignment.item("mlp_backward")
    X, params, dout = _problem(4, 3, 5, 2)
    reply = student.request("call", {"name": "mlp_forward"}, args=(X, params), kwargs={},
                            keep=True, trace=True)
    in_forward = static_uses(answers.get("mlp_forward", ""), item.forbidden, other_cells)
    in_forward += sorted(f"{name} (reached while running it)"
                         for name in set(reply["called"]).intersection(item.forbidden))
    expect.expect(not in_forward, f"mlp_forward prepares the gradients with the library: "
                  f"{', '.join(in_forward)}",
                  hint="The backward pass must be yours: no autograd to do it for you, "
                       f"not even in the cache. Not allowed: {', '.join(item.forbidden)}.")
    if reply.get("error") is not None:  # no cache to trace with: the other checks say why
        found = static_uses(answers.get("mlp_backward", ""), item.forbidden, other_cells)
        expect.expect(not found, f"mlp_backward uses the library's own version: "
                      f"{', '.join(found)}")
        return
    cache = student.make("mlp_forward_cache", result=reply["result"])
    expect.no_shortcuts(student, item, answers.get("mlp_backward", ""), other_cells, dout, cache)


# -- dropout_layer ----------------------------------------------------------------------------
# bounds: a fraction of N independent draws has standard deviation sqrt(p (1 - p) / N); six of
# them put a correct implementation outside with probability about 2e-9 per test
_SIGMAS = 6


def _inputs(n: int, m: int) -> torch.Tensor:
    """Values in [0.5, 1.5): never 0, so a 0 in the output is a drop; not all alike, so dropout
    cannot tell a probe by its values. From a generator of their own: the worker's random
    stream starts where the grader's does, and a mask drawn from the numbers that made X
    would keep exactly its larger elements."""
    return torch.rand(n, m, generator=torch.Generator().manual_seed(n * m)) + 0.5


def test_dropout_layer_keep_rate(student):
    """Each element is dropped with probability p: (torch.rand_like(X) >= p) keeps 1 - p of them."""
    X = _inputs(200, 500)
    for p in (0.3, 0.8):
        out = expect.tensor(student.dropout_layer(X, p), f"dropout_layer(X, {p})",
                            shape=(200, 500))
        dropped = (out == 0).double().mean().item()
        bound = _SIGMAS * math.sqrt(p * (1 - p) / X.numel())
        expect.expect(abs(dropped - p) <= bound,
                      f"dropout_layer(X, {p}) zeroed a fraction {dropped:.4f} of 100000 "
                      f"elements, expected {p} (within {bound:.4f})")


def test_dropout_layer_expectation(student):
    """Scale the survivors by 1 / (1 - p): then the expectation of every element is unchanged."""
    X = _inputs(200, 500)
    for p in (0.3, 0.6):
        out = expect.tensor(student.dropout_layer(X, p), f"dropout_layer(X, {p})",
                            shape=(200, 500))
        expect.expect(bool((out == 0).any()), f"dropout_layer(X, {p}) dropped nothing")
        total, expected = out.double().sum().item(), X.double().sum().item()
        # each element is x / (1 - p) with probability 1 - p: variance x^2 p / (1 - p)
        bound = _SIGMAS * math.sqrt((X.double() ** 2).sum().item() * p / (1 - p))
        expect.expect(abs(total - expected) <= bound,
                      f"the sum of dropout_layer(X, {p}) is {total:.1f}, expected "
                      f"{expected:.1f} (within {bound:.1f}), the sum of X")


def test_dropout_layer_independent_elements(student):
    """Draw one random number per ELEMENT (torch.rand_like(X)): a mask of shape (n, 1) or (1, m)
    drops whole rows or columns."""
    X, p = _inputs(200, 500), 0.5
    out = expect.tensor(student.dropout_layer(X, p), "dropout_layer(X, 0.5)", shape=(200, 500))
    dropped = (out == 0).double()
    for dim, what, count in ((1, "row", 500), (0, "column", 200)):
        fractions = dropped.mean(dim=dim)
        bound = _SIGMAS * math.sqrt(p * (1 - p) / count)
        worst = (fractions - p).abs().max().item()
        expect.expect(worst <= bound,
                      f"in one {what} of dropout_layer(X, 0.5) the fraction zeroed is "
                      f"{p + worst:.3f} or {p - worst:.3f}, expected 0.5 in every {what} "
                      f"(within {bound:.3f})")


def test_dropout_layer_fresh_mask(student):
    """A new random mask on every call: no torch.manual_seed inside, no mask kept between calls."""
    repeat = student.make("mlp_repeated", function=_function(student, "dropout_layer"), times=2)
    results = repeat.call(None, _inputs(50, 50), 0.5)
    expect.expect(isinstance(results, list) and len(results) == 2, "dropout_layer could not be "
                  "called twice")
    first, second = (expect.tensor(r, "dropout_layer(X, 0.5)", shape=(50, 50)) for r in results)
    same = ((first == 0) == (second == 0)).double().mean().item()
    # independent masks agree on p^2 + (1 - p)^2 = 1/2 of the elements; 2500 of them
    expect.expect(same < 0.5 + _SIGMAS * math.sqrt(0.25 / 2500),
                  f"two calls of dropout_layer(X, 0.5) in a row dropped the same elements "
                  f"({same:.0%} agree), expected a fresh mask each time")


def test_dropout_layer_input_unchanged(student):
    """Do not change X (X *= mask, X[mask] = 0): return mask * X / (1 - p), a new tensor."""
    X = torch.randn(20, 30)
    for p in (0.5, 0.0, 1.0):
        handle = student.make("tensor", value=X)
        student.call("dropout_layer", handle, p)
        expect.close(handle.inspect()["value"], X, f"X after calling dropout_layer(X, {p})")


@pytest.mark.gate
def test_dropout_layer_no_library_dropout(student, assignment, answers, other_cells):
    """dropout from scratch with torch.rand_like; not F.dropout, nn.Dropout or torch.dropout."""
    expect.no_shortcuts(student, assignment.item("dropout_layer"),
                        answers.get("dropout_layer", ""), other_cells, torch.randn(4, 5), 0.5)


# -- trace_grad -------------------------------------------------------------------------------
def test_trace_grad_matches_autograd(student):
    """A.T @ X.T @ B.T + B.T @ X.T @ A.T for any X of shape (n, m) and A, B of shape (m, n)."""
    # (2, 5) twice: an answer kept from an earlier call of the same shape would show
    for n, m in ((2, 5), (5, 2), (1, 3), (3, 3), (2, 5)):
        X, A, B = torch.randn(n, m), torch.randn(m, n), torch.randn(m, n)
        leaf = X.double().requires_grad_(True)
        (expected,) = torch.autograd.grad(torch.trace(A.double() @ leaf @ B.double() @ leaf),
                                          leaf)
        size = A.abs().T @ X.abs().T @ B.abs().T + B.abs().T @ X.abs().T @ A.abs().T
        expect.close(student.trace_grad(A, X, B), expected,
                     f"trace_grad(A, X, B) for X of shape ({n}, {m}) (compared with autograd)",
                     dtype=torch.float32, scale=size)


@pytest.mark.gate
def test_trace_grad_no_autograd(student, assignment, answers, other_cells):
    """The closed form, from the differential of the trace: no .backward(), torch.autograd or
    torch.func."""
    expect.no_shortcuts(student, assignment.item("trace_grad"), answers.get("trace_grad", ""),
                        other_cells, torch.randn(4, 3), torch.randn(3, 4), torch.randn(4, 3))
