"""Hidden checks for 08-rnn: against the reference, gradients, edge cases, training.

Each check's docstring is the hint shown when it fails. `train_char_lm` trains the kit's own
language model (`probes_text.LanguageModel`) on minibatches the kit makes in the worker;
the grader reads back only the weights, loads them into the reference `RNNModel` and
measures the perplexity itself, on held-out text that never enters the worker. Devices are
checked with PyTorch's `meta` device (tensors without data), so no GPU is needed.
"""

import copy
import functools
import math
import random
import zlib
from dataclasses import dataclass
from typing import Any

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from autograder import expect, probes_text
from autograder.engine import visible_of
from autograder.student import StudentError
from autograder.text_data import grading_text

_visible = visible_of(__file__)
_params = _visible._params  # the five parameters, checked for type, shape and dtype
_run = _visible._run  # (outputs, H) of the student's rnn, checked

CPU, META = torch.device("cpu"), torch.device("meta")
NAMES = ("W_xh", "W_hh", "b_h", "W_hq", "b_q")
LAYERS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


def _devices(student, remote) -> list[str]:
    """The devices of the tensors an object in the worker holds."""
    return student.make("text_devices", value=remote).call("copy")


# -- get_rnn_params -----------------------------------------------------------------------
def test_get_rnn_params_leaves(student):
    """Make each tensor, scale it, then .requires_grad_(True): leaves, whose .grad is filled."""
    _params(student, 10, 6)
    params = student.keep("get_rnn_params", 10, 6, CPU)
    for i, name in enumerate(NAMES):
        facts = student.make("text_pick", obj=params, index=i).inspect()
        expect.expect(bool(facts.get("requires_grad")) and bool(facts.get("is_leaf")),
                      f"{name} has requires_grad={facts.get('requires_grad')}, is_leaf="
                      f"{facts.get('is_leaf')}, grad_fn={facts.get('grad_fn')}; expected a leaf "
                      "that requires grad",
                      hint="torch.randn(shape) * 0.01, then .requires_grad_(True); "
                           "torch.randn(shape, requires_grad=True) * 0.01 is not a leaf.")


def test_get_rnn_params_small_random(student):
    """Weights ~ N(0, 0.01**2): torch.randn(shape) * 0.01 (not torch.rand, not std 1)."""
    for param, name in zip(_params(student, 100, 200), NAMES, strict=True):
        if not name.startswith("W"):
            continue
        n = param.numel()  # at least 20,000 draws
        mean, std = param.double().mean().item(), param.double().std().item()
        # the mean of n draws has standard error 0.01 / sqrt(n), the standard deviation
        # about 0.01 / sqrt(2 n) (0.5% here): allow 5 and 10 of them
        expect.expect(abs(mean) < 5 * 0.01 / math.sqrt(n)
                      and abs(std - 0.01) < 10 * 0.01 / math.sqrt(2 * n),
                      f"{name} has mean {mean:.5f} and standard deviation {std:.5f} over {n} "
                      "entries, expected 0 and 0.01")


def test_get_rnn_params_device(student):
    """Create every tensor on the device given (device=device), not on the CPU."""
    params = student.keep("get_rnn_params", 6, 4, META)
    found = _devices(student, params)
    expect.expect(found == ["meta"] * 5, f"get_rnn_params(6, 4, device=meta) made tensors on "
                  f"{found}, expected all five on meta (a device without data)")


# -- init_rnn_state -------------------------------------------------------------------------
def test_init_rnn_state_device(student):
    """Create the zeros on the device given: torch.zeros(..., device=device)."""
    state = student.keep("init_rnn_state", 2, 3, META)
    found = _devices(student, state)
    expect.expect(found == ["meta"], f"init_rnn_state(2, 3, device=meta) made tensors on "
                  f"{found}, expected one tensor on meta")


# -- rnn ------------------------------------------------------------------------------------
def _random_params(vocab_size, num_hiddens, scale=0.5):
    V, h = vocab_size, num_hiddens
    return [scale * torch.randn(shape) for shape in ((V, h), (h, h), (h,), (h, V), (V,))]


def _one_hot(num_steps, batch_size, vocab_size):
    indices = torch.randint(0, vocab_size, (num_steps, batch_size))
    return F.one_hot(indices, vocab_size).float()


def _magnitude_rnn(inputs, H, params):
    """The RNN loop on absolute values and without tanh (|tanh z| <= |z|): a bound, element by
    element, on the terms that every output and state is summed from. Differentiable, so its
    gradient bounds the terms of the gradients the same way."""
    W_xh, W_hh, b_h, W_hq, b_q = params
    outputs = []
    for X in inputs:
        H = X @ W_xh + H @ W_hh + b_h
        outputs.append(H @ W_hq + b_q)
    return torch.cat(outputs), H


def _absolute(*tensors):
    return [t.detach().double().abs() for t in tensors]


def test_rnn_matches_reference(student, reference):
    """Every step: H = tanh(X @ W_xh + H @ W_hh + b_h) (the new H), Y = H @ W_hq + b_q."""
    for inputs, kind in ((_one_hot(5, 3, 6), "one-hot"), (torch.randn(5, 3, 6), "dense")):
        params, H0 = _random_params(6, 4), 0.5 * torch.randn(3, 4)
        expected, (H_expected,) = reference.rnn(inputs.double(), (H0.double(),),
                                                [p.double() for p in params])
        out_size, H_size = _magnitude_rnn(*_absolute(inputs, H0), _absolute(*params))
        outputs, H = _run(student, inputs, H0, params, f"rnn on {kind} inputs")
        expect.close(outputs, expected, f"rnn's outputs on {kind} inputs (5 steps, 3 examples)",
                     dtype=torch.float32, scale=out_size)
        expect.close(H, H_expected, f"rnn's final H on {kind} inputs", dtype=torch.float32,
                     scale=H_size)


def test_rnn_gradients(student, reference):
    """Only differentiable tensor ops (no .detach(), numpy or .item()), so backward reaches
    every parameter and the initial state through all the steps."""
    inputs, params, H0 = _one_hot(4, 3, 5), _random_params(5, 4), 0.5 * torch.randn(3, 4)
    leaves = [student.make("leaf", value=p) for p in params]
    H_leaf = student.make("leaf", value=H0)
    result = student.keep("rnn", inputs, (H_leaf,), leaves)
    v_out, v_H = torch.randn(12, 5), torch.randn(3, 4)
    student.make("text_backward", result=result, grads=[v_out, v_H])

    wide = [t.double().requires_grad_(True) for t in (*params, H0)]
    out, (H,) = reference.rnn(inputs.double(), (wide[-1],), wide[:-1])
    expected = torch.autograd.grad((out * v_out).sum() + (H * v_H).sum(), wide)
    sizes_of = [t.requires_grad_(True) for t in _absolute(*params, H0)]
    m_out, m_H = _magnitude_rnn(inputs.double(), sizes_of[-1], sizes_of[:-1])
    sizes = torch.autograd.grad((m_out * v_out.abs()).sum() + (m_H * v_H.abs()).sum(), sizes_of)
    for handle, want, size, name in zip([*leaves, H_leaf], expected, sizes, (*NAMES, "H0"),
                                        strict=True):
        grad = handle.inspect().get("grad")
        expect.expect(grad is not None, f"no gradient reached {name} from rnn's outputs and "
                      "final state")
        expect.close(grad, want, f"the gradient in {name} through 4 steps", dtype=torch.float32,
                     scale=size)


@pytest.mark.gate
def test_rnn_no_library_rnn(student, assignment, answers, other_cells):
    """rnn by hand: a loop of matrix products and tanh; not nn.RNN, nn.RNNCell or rnn_tanh."""
    expect.no_shortcuts(student, assignment.item("rnn"), answers.get("rnn", ""), other_cells,
                        _one_hot(2, 2, 4), (torch.zeros(2, 3),), _random_params(4, 3))


# -- grad_clipping -------------------------------------------------------------------------
def _leaves(student, grads):
    return [student.make("leaf", value=torch.randn(g.shape), grad=g) for g in grads]


def _norm(grads) -> float:
    return math.sqrt(sum(float((g.double() ** 2).sum()) for g in grads))


def _expect_clipped(handle, grad, factor, what, *, key="grad"):
    """A parameter's .grad (or, with key="value", a gradient tensor itself) is grad * factor."""
    expect.close(handle.inspect().get(key), grad.double() * factor, what,
                 dtype=torch.float32)


def test_grad_clipping_global_norm(student):
    """One norm over ALL the gradients together (the sqrt of every squared entry summed),
    compared with theta once; not one per parameter."""
    grads = [0.6 * g / g.norm() for g in (torch.randn(4, 3), torch.randn(3), torch.randn(2, 2))]
    total = _norm(grads)  # each gradient's norm is 0.6 < theta = 1; together about 1.04
    params = _leaves(student, grads)
    norm = student.call("grad_clipping", params, 1.0)
    expect.number(norm, total, "grad_clipping's return value for three gradients of norm 0.6 "
                  "each", scale=total, detail="(the global norm before clipping)")
    for i, (param, grad) in enumerate(zip(params, grads, strict=True)):
        _expect_clipped(param, grad, 1 / total, f"gradient {i} after clipping at theta=1")


def test_grad_clipping_in_place(student):
    """Scale the .grad tensors themselves, in place (grad.mul_(theta / norm)); leave the
    parameters' values alone."""
    value, grad = torch.randn(5), torch.tensor([3.0, 4.0, 0.0, 12.0, 0.0])  # norm 13
    param = student.make("leaf", value=value, grad=grad)
    held = student.make("text_pick", obj=param, attr="grad")
    student.call("grad_clipping", [param], 1.0)
    _expect_clipped(held, grad, 1 / 13, "the tensor param.grad held before clipping",
                    key="value")
    _expect_clipped(param, grad, 1 / 13, "param.grad after clipping")
    expect.close(param.inspect()["value"], value, "the parameter itself after clipping",
                 hint="Clipping changes the gradients, not the parameters.")


def test_grad_clipping_module_and_missing_grads(student):
    """For an nn.Module use its .parameters(); skip parameters whose .grad is None."""
    values = [torch.randn(3, 2), torch.randn(2), torch.randn(4)]
    grads = [2 * torch.randn(3, 2), None, 2 * torch.randn(4)]
    module = student.make("text_grad_module", values=values, grads=grads)
    total = _norm([g for g in grads if g is not None])
    norm = student.call("grad_clipping", module, 0.5)
    expect.number(norm, total, "grad_clipping(an nn.Module with one parameter without a "
                  "gradient, theta=0.5)", scale=total)
    for i in (0, 2):
        _expect_clipped(student.make("text_pick", obj=module, attr=f"p{i}"), grads[i],
                        0.5 / total, f"the gradient of the module's parameter p{i}")
    unused = student.make("text_pick", obj=module, attr="p1").inspect()
    expect.expect(unused.get("grad") is None, "a parameter without a gradient got one")


def test_grad_clipping_generator(student):
    """params may be a generator such as net.parameters(): read it once, into a list."""
    grads = [torch.tensor([6.0, 8.0]), torch.tensor([0.0])]  # norm 10
    params = _leaves(student, grads)
    norm = student.call("grad_clipping", student.make("text_generator", items=params), 1.0)
    expect.number(norm, 10.0, "grad_clipping(a generator of parameters, theta=1)", scale=10.0)
    _expect_clipped(params[0], grads[0], 0.1, "the first gradient after clipping a generator of "
                    "parameters")


@pytest.mark.gate
def test_grad_clipping_no_library_clipping(student, assignment, answers, other_cells):
    """grad_clipping by hand: the norm and the scaling yourself; not clip_grad_norm_."""
    expect.no_shortcuts(student, assignment.item("grad_clipping"),
                        answers.get("grad_clipping", ""), other_cells,
                        _leaves(student, [torch.randn(3)]), 0.1)


# -- perplexity -----------------------------------------------------------------------------
def test_perplexity_matches_reference(student, reference):
    """The mean loss per token, exponentiated: math.exp(total_loss / num_tokens), a float."""
    for total, count in ((1234.5, 1000), (3.2, 1), (0.0, 7), (52.0, 40)):
        expected = reference.perplexity(total, count)
        expect.number(student.perplexity(total, count), expected,
                      f"perplexity({total}, {count})", scale=expected * (1 + total / count))


# -- RNNModel -------------------------------------------------------------------------------
def _pair(student, reference, kind, vocab_size, num_hiddens):
    """The reference RNNModel on a new layer, and the student's on a layer of the same kind
    made in the worker, with the reference's weights loaded by name."""
    model = reference.RNNModel(LAYERS[kind](vocab_size, num_hiddens), vocab_size)
    layer = student.make("text_rnn_layer", layer_type=kind, input_size=vocab_size,
                         hidden_size=num_hiddens)
    net = student.keep("RNNModel", layer, vocab_size)
    try:
        net.call("load_state_dict", model.state_dict())
    except StudentError:
        expect.fail(f"the weights of an RNNModel around nn.{LAYERS[kind].__name__} (rnn.* and "
                    "linear.*) do not load into yours",
                    hint="self.rnn = rnn_layer; self.linear = nn.Linear(rnn_layer.hidden_size, "
                         "vocab_size); no other parameters.")
    return model, net


def _scale(model, num_steps):
    """What an output is summed from: each pre-activation adds at most a row of |W_ih| (inputs
    one-hot), a row of |W_hh| (states within [-1, 1]) and the biases, its rounding carried
    through num_steps steps; the linear layer adds a row of |W| of those, and |b|."""
    p = {k: v.detach().abs() for k, v in model.named_parameters()}
    pre = float(p["rnn.weight_ih_l0"].sum(1).max() + p["rnn.weight_hh_l0"].sum(1).max()
                + p["rnn.bias_ih_l0"].max() + p["rnn.bias_hh_l0"].max())
    return num_steps * pre * (1 + float(p["linear.weight"].sum(1).max())) \
        + float(p["linear.bias"].max())


def _forward(net, inputs, state, what):
    result = net.call("forward", inputs, state)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"{what} returned {expect.describe(result)}, expected (outputs, state)")
    return result


def test_RNNModel_matches_reference(student, reference):
    """One-hot of inputs.T (time first) as float32, self.rnn(X, state) with the state given,
    Y reshaped to (-1, hidden_size), self.linear."""
    for kind in ("rnn", "gru"):
        model, net = _pair(student, reference, kind, 6, 5)
        inputs, H0 = torch.randint(0, 6, (3, 5)), 0.5 * torch.randn(1, 3, 5)
        expected, state = copy.deepcopy(model).double()(inputs, H0.double())
        what = f"RNNModel(nn.{LAYERS[kind].__name__}(6, 5), 6) on 3 sequences of 5 steps"
        outputs, new_state = _forward(net, inputs, H0, what)
        scale = _scale(model, 5)
        expect.close(outputs, expected, f"the outputs of {what}", dtype=torch.float32,
                     scale=scale)
        expect.close(new_state, state, f"the state after {what}", dtype=torch.float32,
                     scale=scale)


def test_RNNModel_state_none_is_zeros(student, reference):
    """state=None starts from zeros: hand the state to self.rnn, which takes None."""
    model, net = _pair(student, reference, "rnn", 6, 5)
    inputs = torch.randint(0, 6, (3, 4))
    from_none, _ = _forward(net, inputs, None, "forward(inputs, None)")
    expected, _ = copy.deepcopy(model).double()(inputs, None)
    expect.close(from_none, expected, "the outputs of forward(inputs, None)",
                 dtype=torch.float32, scale=_scale(model, 4))


def test_RNNModel_lstm(student, reference):
    """For an nn.LSTM the state is a pair (H, C): begin_state returns two zero tensors, and
    forward hands the pair to self.rnn and returns the new pair."""
    model, net = _pair(student, reference, "lstm", 6, 5)
    begin = net.call("begin_state", 2, CPU)
    expect.expect(isinstance(begin, (tuple, list)) and len(begin) == 2,
                  f"begin_state(2, device) for an nn.LSTM returned {expect.describe(begin)}, "
                  "expected a pair (H, C)")
    for tensor, name in zip(begin, "HC", strict=True):
        expect.close(tensor, torch.zeros(1, 2, 5), f"{name} of begin_state(2, device)")
    inputs = torch.randint(0, 6, (2, 4))
    H0, C0 = 0.5 * torch.randn(1, 2, 5), 0.5 * torch.randn(1, 2, 5)
    expected, (H, C) = copy.deepcopy(model).double()(inputs, (H0.double(), C0.double()))
    outputs, state = _forward(net, inputs, (H0, C0), "forward of an LSTM model")
    scale = _scale(model, 4)
    expect.close(outputs, expected, "the outputs of an RNNModel around nn.LSTM(6, 5)",
                 dtype=torch.float32, scale=scale)
    expect.expect(isinstance(state, (tuple, list)) and len(state) == 2,
                  f"the LSTM model's new state is {expect.describe(state)}, expected (H, C)")
    for got, want, name in ((state[0], H, "H"), (state[1], C, "C")):
        expect.close(got, want, f"the new {name} of the LSTM model", dtype=torch.float32,
                     scale=scale)


def test_RNNModel_gradients(student, reference):
    """Keep the forward differentiable: one-hot floats, no .detach() or numpy on the way."""
    model, net = _pair(student, reference, "rnn", 6, 5)
    inputs, H0 = torch.randint(0, 6, (3, 4)), 0.5 * torch.randn(1, 3, 5)
    result = student.make("text_call", fn=net, args=[inputs, H0])
    v_out, v_state = torch.randn(12, 6), torch.randn(1, 3, 5)
    student.make("text_backward", result=result, grads=[v_out, v_state])
    grads = student.make("text_parameter_grads", module=net).call("copy")
    wide = copy.deepcopy(model).double()
    out, state = wide(inputs, H0.double())
    ((out * v_out).sum() + (state * v_state).sum()).backward()
    for name, param in wide.named_parameters():
        got = grads.get(name) if isinstance(grads, dict) else None
        expect.expect(got is not None, f"no gradient reached {name} of your RNNModel")
        # a gradient sums num_steps * batch_size contributions, none much above the largest
        expect.close(got, param.grad, f"the gradient in {name}", dtype=torch.float32,
                     scale=12 * float(param.grad.abs().max()))


def test_RNNModel_begin_state_device(student):
    """begin_state makes its zeros on the device it is given: torch.zeros(..., device=device)."""
    for kind, count in (("rnn", 1), ("lstm", 2)):
        layer = student.make("text_rnn_layer", layer_type=kind, input_size=5, hidden_size=3)
        net = student.keep("RNNModel", layer, 5)
        begin = student.make("text_pick", obj=net, attr="begin_state")
        found = _devices(student, student.make("text_call", fn=begin, args=[2, META]))
        expect.expect(found == ["meta"] * count, f"begin_state(2, device=meta) of an "
                      f"RNNModel around nn.{LAYERS[kind].__name__} made tensors on {found}, "
                      f"expected {count} on meta")


# -- train_char_lm --------------------------------------------------------------------------
@dataclass
class _Run:
    """One training run of the student's train_char_lm on the kit's model."""

    value: Any
    error: StudentError | None
    before: Any
    weights: Any
    vocab: list[str]
    corpus: torch.Tensor
    heldout: torch.Tensor
    seed: int
    kind: str
    epoch_corpora: list[torch.Tensor] | None = None


# Mixed into the seed of the grader's secret labelling of the characters. The checks' folder
# is not in the worker's view, so student code cannot rebuild the labelling from the seed it
# is sent; a model trained on public English (pydoc, The Time Machine) through any mapping
# of its own is then of no use on the grader's text.
_LABELS_SALT = "08-rnn: characters relabelled for the grader"


def _labelled(reference, text, seed) -> tuple[dict, list[str]]:
    """A vocabulary of the training text in a secret random order ('<unk>' stays 0), and the
    tokens the worker is shown for it: the characters through a secret substitution."""
    tokens = reference.Vocab(list(text.train)).idx_to_token[1:]
    rng = random.Random(zlib.crc32(f"{_LABELS_SALT}/{seed}".encode()))
    rng.shuffle(tokens)
    index = {token: i + 1 for i, token in enumerate(tokens)}
    alphabet = sorted(set(tokens))
    disguise = dict(zip(alphabet, rng.sample(alphabet, len(alphabet)), strict=True))
    return index, ["<unk>", *(disguise[t] for t in tokens)]


@functools.lru_cache(maxsize=32)
def _encoded(reference, seed: int, chars: int, heldout_chars: int) -> tuple:
    """(shown tokens, training corpus, held-out text) as token indices, for one seed: every
    student of a class gets the same ones for a check, so they are drawn once a process."""
    text = grading_text(seed, train_chars=chars, heldout_chars=heldout_chars)
    index, shown = _labelled(reference, text, seed)
    return (tuple(shown), torch.tensor([index[c] for c in text.train]),
            torch.tensor([index.get(c, 0) for c in text.heldout]))


def _train(student, reference, settings, *, chars, num_epochs, lr, kind="rnn",
           use_random_iter=False, policy=None, gain=1.0, epochs_differ=False) -> _Run:
    """Train the kit's model in the worker on the grader's text, its characters relabelled
    in secret; the held-out text stays here. `epochs_differ`: see `_differing_epochs`."""
    seed = settings["split_seed"] + student.seed
    shown, corpus, heldout = _encoded(reference, seed, chars, settings["heldout_chars"])
    shown = list(shown)
    epoch_corpora, bias = _differing_epochs(corpus, len(shown), seed) if epochs_differ \
        else (None, None)
    net = student.make("text_language_model", vocab_size=len(shown),
                       num_hiddens=settings["num_hiddens"], layer_type=kind, seed=seed,
                       state_policy=policy, batch_size=settings["batch_size"],
                       gradient_gain=gain, output_bias=bias)
    # one tensor, not a list of ints: a list crosses the channel object by object
    loader = student.make("text_loader", corpus=corpus,
                          batch_size=settings["batch_size"],
                          num_steps=settings["num_steps"], use_random_iter=use_random_iter,
                          seed=seed, model=net, epoch_corpora=epoch_corpora)
    before = net.call("state_dict")
    value, error = None, None
    try:
        value = student.call("train_char_lm", net, loader,
                             student.make("text_vocab", idx_to_token=shown),
                             lr, num_epochs, CPU, use_random_iter)
    except StudentError as exc:
        error = exc
    return _Run(value, error, before, net.call("state_dict"), shown, corpus, heldout, seed,
                kind, epoch_corpora)


def _differing_epochs(corpus: torch.Tensor, vocab_size: int,
                      seed: int) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Epochs that differ without any learning: the text, then the same text through a
    shuffle of its tokens ('<unk>' stays 0), and output biases that fit the first (its
    token frequencies). A model that does not learn (lr=0) then gives the first epoch a
    perplexity of about 17 and the second 35 or more, so the last one cannot be confused
    with the perplexity of both together; an untrained model alone gives every epoch about
    the vocabulary size, the same to a few parts in 100,000, closer than rounding allows."""
    order = list(range(1, vocab_size))
    random.Random(seed).shuffle(order)
    shuffled = torch.tensor([0, *order])[corpus]
    counts = torch.bincount(corpus, minlength=vocab_size).double() + 1
    return [corpus, shuffled], (counts / counts.sum()).log().float()


def _heldout_perplexity(reference, run: _Run, settings) -> float:
    """The perplexity of the trained weights on the held-out text, computed here, in the
    reference RNNModel, reading the text in 16 rows with the state carried along."""
    V = len(run.vocab)
    model = reference.RNNModel(LAYERS[run.kind](V, settings["num_hiddens"]), V)
    try:
        model.load_state_dict(run.weights)
    except (RuntimeError, TypeError, KeyError, AttributeError, ValueError):
        expect.fail("the weights of the model after training no longer fit it",
                    hint="Train the net you are given, in place: do not replace its layers.")
    tokens = run.heldout
    n = (len(tokens) - 1) // 16 * 16
    Xs, Ys = tokens[:n].reshape(16, -1), tokens[1:n + 1].reshape(16, -1)
    total, state = 0.0, None
    with torch.no_grad(), expect.one_thread():
        for i in range(0, Xs.shape[1], 50):
            outputs, state = model(Xs[:, i:i + 50], state)
            total += F.cross_entropy(outputs, Ys[:, i:i + 50].T.reshape(-1),
                                     reduction="sum").item()
    mean = total / n
    return math.exp(mean) if math.isfinite(mean) and mean < 700 else math.inf


def _short_run(student, reference, settings, **kwargs):
    run = _train(student, reference, settings, chars=settings["short_chars"], num_epochs=1,
                 lr=settings["lr"], **kwargs)
    return run, _heldout_perplexity(reference, run, settings)


def _settings(assignment):
    return assignment.item("train_char_lm").settings


def test_train_char_lm_perplexity(student, reference, assignment):
    """Each batch: the state (begin_state at the first, else detached), y_hat, state =
    net(X, state), the cross-entropy of y_hat and Y.T.reshape(-1), zero_grad, backward,
    grad_clipping(net, 1), step; with torch.optim.SGD(net.parameters(), lr)."""
    settings = _settings(assignment)
    run = _train(student, reference, settings, chars=settings["train_chars"],
                 num_epochs=settings["num_epochs"], lr=settings["lr"])
    if run.error is not None:
        raise run.error
    value = _heldout_perplexity(reference, run, settings)
    expect.ramp(value, floor=settings["floor_perplexity"], target=settings["target_perplexity"],
                what=f"the held-out perplexity after {settings['num_epochs']} epochs on "
                     f"{settings['train_chars']} characters of the grader's text")


def _same(before, after) -> list[str]:
    """Names of the weights that changed (or that are no longer tensors of the same shape)."""
    if not isinstance(after, dict):
        return ["(the state_dict)"]
    return [k for k, v in before.items() if not (isinstance(after.get(k), torch.Tensor)
                                                 and after[k].shape == v.shape
                                                 and torch.equal(after[k], v))]


def test_train_char_lm_uses_its_arguments(student, reference, assignment):
    """Use the lr and num_epochs you are given: with lr=0 or num_epochs=0 nothing may change."""
    settings = _settings(assignment)
    for num_epochs, lr, what in ((0, settings["lr"], "num_epochs=0"), (1, 0.0, "lr=0")):
        run = _train(student, reference, settings, chars=4000, num_epochs=num_epochs, lr=lr)
        if run.error is not None and num_epochs:
            raise run.error  # with no epoch there is no perplexity to return: any outcome
        changed = _same(run.before, run.weights)
        expect.expect(not changed, f"with {what} the weights {changed[:3]} changed, expected "
                      "them as they were", hint="No fixed learning rate or epoch count: "
                      "torch.optim.SGD(net.parameters(), lr) and range(num_epochs).")


def _replayed(run: _Run, settings) -> list[float]:
    """The last epoch's perplexity of a run with lr=0, computed here from the same weights and
    minibatches: with the state reset at the start of the epoch, or carried over into it."""
    V, B, T = len(run.vocab), settings["batch_size"], settings["num_steps"]
    model = probes_text.LanguageModel(V, settings["num_hiddens"], seed=run.seed)
    model.load_state_dict(run.before)
    loader = probes_text.TextLoader(run.corpus, B, T, seed=run.seed,
                                    epoch_corpora=run.epoch_corpora)
    with torch.no_grad(), expect.one_thread():
        state = None
        for X, _ in loader:  # the first epoch: only the state at its end matters
            _, state = model(X, state)
        results = []
        for start in (None, state):
            # the same batches again: a new loader, one epoch skipped
            replay = probes_text.TextLoader(run.corpus, B, T, seed=run.seed,
                                            epoch_corpora=run.epoch_corpora)
            list(iter(replay))
            state, total, count = start, 0.0, 0
            for X, Y in replay:
                outputs, state = model(X, state)
                y = Y.T.reshape(-1)
                total += F.cross_entropy(outputs, y).item() * y.numel()
                count += y.numel()
            results.append(math.exp(total / count))
    return results


def test_train_char_lm_returns_last_epoch_perplexity(student, reference, assignment):
    """Return perplexity(total, count) of the LAST epoch: reset total and count at each
    epoch, add loss.item() * y.numel() and y.numel() for every batch."""
    settings = _settings(assignment)
    run = _train(student, reference, settings, chars=4000, num_epochs=2, lr=0.0,
                 epochs_differ=True)
    if run.error is not None:
        raise run.error
    if _same(run.before, run.weights):
        expect.fail("with lr=0 the weights changed, so the perplexity cannot be checked",
                    hint="torch.optim.SGD(net.parameters(), lr) with the lr you are given.")
    expected = _replayed(run, settings)
    value = run.value
    closest = min(expected, key=lambda e: abs(value - e)) if isinstance(value, float) \
        else expected[0]
    expect.number(value, closest, "train_char_lm's return value after 2 epochs with lr=0",
                  scale=closest * (1 + math.log(closest)),
                  detail="(the weights do not change, so the grader can compute the last "
                         "epoch's perplexity itself)")


def _expect_learned(run: _Run, value: float, settings, what: str) -> None:
    """A short run must get below the floor of the training check; an untrained model is at
    about the vocabulary size, one that broke the rule tested far above it."""
    if run.error is not None:
        raise run.error
    expect.expect(value < settings["floor_perplexity"], f"{what}: the held-out perplexity is "
                  f"{value:.4g}, expected below {settings['floor_perplexity']:g} (guessing "
                  f"uniformly gives {len(run.vocab)})")


def test_train_char_lm_carries_state_between_batches(student, reference, assignment):
    """Sequential batches: keep the state of the batch before, detached (state.detach());
    begin_state only at the first batch of an epoch."""
    settings = _settings(assignment)
    run, value = _short_run(student, reference, settings, policy="carried")
    _expect_learned(run, value, settings, "on sequential batches, with the kit's model that "
                    "learns the wrong tokens from any batch whose state was reset instead of "
                    "carried over")


def test_train_char_lm_resets_state_for_random_batches(student, reference, assignment):
    """With use_random_iter=True the rows of consecutive batches are unrelated: start every
    batch from net.begin_state(...)."""
    settings = _settings(assignment)
    run, value = _short_run(student, reference, settings, use_random_iter=True, policy="fresh")
    _expect_learned(run, value, settings, "on random batches (use_random_iter=True), with the "
                    "kit's model that learns the wrong tokens from any batch that did not "
                    "start from a new state")


def test_train_char_lm_lstm_state(student, reference, assignment):
    """An LSTM's state is a tuple (H, C): detach each of its tensors."""
    settings = _settings(assignment)
    run, value = _short_run(student, reference, settings, kind="lstm", policy="carried")
    _expect_learned(run, value, settings, "with the kit's model around an nn.LSTM, whose "
                    "state is a pair (H, C), on sequential batches")


def test_train_char_lm_clips_gradients(student, reference, assignment):
    """After loss.backward() and before optimizer.step(), call grad_clipping(net, 1)."""
    settings = _settings(assignment)
    run, value = _short_run(student, reference, settings, gain=settings["gradient_gain"])
    floor = settings["floor_perplexity"]
    raised = f" (your code raised {run.error.describe()})" if run.error is not None else ""
    expect.expect(run.error is None and value < floor,
                  f"with gradients {settings['gradient_gain']:g} times larger (the kit's model "
                  f"magnifies them) the held-out perplexity is {value:.4g}{raised}, expected "
                  f"below {floor:g}: clipped at theta = 1, every step is as long as before")
