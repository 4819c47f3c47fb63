"""Visible checks for 08-rnn: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions, so they run for a student
who does not have `solutions/`. Objects a check hands to student code (leaf tensors with
gradients, recurrent layers, the kit's language model and its minibatches) are built in the
worker by the kit's probes.
"""

import math
import string

import torch

from autograder import expect

CPU = torch.device("cpu")


# -- get_rnn_params -----------------------------------------------------------------------
def _params(student, vocab_size, num_hiddens):
    """The five parameters, checked for type, shape and dtype."""
    result = student.get_rnn_params(vocab_size, num_hiddens, CPU)
    expect.expect(isinstance(result, (list, tuple)) and len(result) == 5,
                  f"get_rnn_params returned {expect.describe(result)}, expected the list "
                  "[W_xh, W_hh, b_h, W_hq, b_q]")
    V, h = vocab_size, num_hiddens
    for param, name, shape in zip(result, ("W_xh", "W_hh", "b_h", "W_hq", "b_q"),
                                  ((V, h), (h, h), (h,), (h, V), (V,)), strict=True):
        expect.tensor(param, f"{name} of get_rnn_params({V}, {h}, device)", shape=shape,
                      dtype=torch.float32)
    return result


def test_get_rnn_params_shapes(student):
    """[W_xh (V, h), W_hh (h, h), b_h (h,), W_hq (h, V), b_q (V,)], all with requires_grad=True."""
    for param, name in zip(_params(student, 28, 16), ("W_xh", "W_hh", "b_h", "W_hq", "b_q"),
                           strict=True):
        expect.expect(param.requires_grad, f"{name} has requires_grad=False, expected True",
                      hint="Call param.requires_grad_(True) on each tensor.")


def test_get_rnn_params_biases_zero(student):
    """The biases b_h and b_q start at zero (torch.zeros); the weights are small and random."""
    W_xh, _, b_h, _, b_q = _params(student, 28, 16)
    for bias, name in ((b_h, "b_h"), (b_q, "b_q")):
        expect.close(bias, torch.zeros_like(bias), f"{name} of a new RNN")
    expect.expect(bool(W_xh.abs().max() > 0), "W_xh is all zeros, expected small random "
                  "numbers (standard deviation 0.01)")


# -- init_rnn_state -------------------------------------------------------------------------
def test_init_rnn_state_zeros_tuple(student):
    """Return a tuple (H,): H zeros of shape (batch_size, num_hiddens). Mind the comma."""
    state = student.init_rnn_state(3, 5, CPU)
    expect.expect(type(state) is tuple and len(state) == 1,
                  f"init_rnn_state(3, 5, device) returned {expect.describe(state)}, expected "
                  "a tuple holding one tensor, (H,)")
    expect.close(state[0], torch.zeros(3, 5), "H of init_rnn_state(3, 5, device)")


# -- rnn ------------------------------------------------------------------------------------
def _random_params(vocab_size, num_hiddens, scale=0.5):
    V, h = vocab_size, num_hiddens
    return [scale * torch.randn(shape) for shape in ((V, h), (h, h), (h,), (h, V), (V,))]


def _one_hot(num_steps, batch_size, vocab_size):
    indices = torch.randint(0, vocab_size, (num_steps, batch_size))
    return torch.nn.functional.one_hot(indices, vocab_size).float()


def _run(student, inputs, H0, params, what):
    """(outputs, H) of the student's rnn, checked for type and shape."""
    result = student.rnn(inputs, (H0,), params)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"{what} returned {expect.describe(result)}, expected (outputs, (H,))")
    outputs, state = result
    num_steps, batch_size, vocab_size = inputs.shape
    expect.tensor(outputs, f"the outputs of {what}", shape=(num_steps * batch_size, vocab_size),
                  dtype=torch.float32,
                  hint="torch.cat of the steps' Y on dim 0: (num_steps * batch_size, "
                       "vocab_size); not dim 1, not torch.stack.")
    expect.expect(isinstance(state, (tuple, list)) and len(state) == 1,
                  f"the state {what} returned is {expect.describe(state)}, expected (H,)")
    expect.tensor(state[0], f"H after {what}", shape=tuple(H0.shape), dtype=torch.float32)
    return outputs, state[0]


def test_rnn_shapes(student):
    """outputs: the Y of every step concatenated on dim 0; the state: (H,) after the last step."""
    params = _random_params(4, 3)
    _run(student, _one_hot(3, 2, 4), torch.zeros(2, 3), params, "rnn on 3 steps of 2 examples")


def test_rnn_known_values(student):
    """At each step H = tanh(X @ W_xh + H @ W_hh + b_h), then Y = H @ W_hq + b_q."""
    params = [torch.tensor([[0.5], [-1.0]]), torch.tensor([[2.0]]), torch.tensor([0.1]),
              torch.tensor([[1.0, -2.0]]), torch.tensor([0.0, 0.5])]
    inputs = torch.tensor([[[1.0, 0.0]], [[0.0, 1.0]]])  # 2 steps, 1 example, 2 tokens
    H1 = math.tanh(0.5 + 0.1)
    H2 = math.tanh(-1.0 + 2.0 * H1 + 0.1)
    expected = torch.tensor([[H1, -2 * H1 + 0.5], [H2, -2 * H2 + 0.5]], dtype=torch.float64)
    size = float(sum(p.abs().sum() for p in params))  # every term is at most this large
    outputs, H = _run(student, inputs, torch.zeros(1, 1), params, "rnn on a worked example")
    expect.close(outputs, expected, "rnn's outputs on the worked example", dtype=torch.float32,
                 scale=size, hint="tanh, not relu; the new H is used for Y and the next step.")
    expect.close(H, torch.tensor([[H2]], dtype=torch.float64), "the final H of the example",
                 dtype=torch.float32, scale=size)


def test_rnn_carries_state_across_steps(student):
    """Update H inside the loop and keep it: each step reads the H of the step before."""
    params = _random_params(5, 4)
    inputs, H0 = _one_hot(4, 3, 5), torch.randn(3, 4)
    outputs, H = _run(student, inputs, H0, params, "rnn on 4 steps")
    changed = inputs.clone()
    changed[0] = changed[0].roll(1, dims=1)  # other tokens at step 0 only
    later, _ = _run(student, changed, H0, params, "rnn with other tokens at step 0")
    expect.expect(not torch.equal(later[-3:], outputs[-3:]),
                  "changing the tokens at step 0 did not change the outputs at step 3: the "
                  "last step does not see the earlier ones",
                  hint="Unpack H from the state once, before the loop, and assign the new H "
                       "at every step.")
    first, H_mid = _run(student, inputs[:2], H0, params, "rnn on the first 2 steps")
    second, H_end = _run(student, inputs[2:], H_mid, params, "rnn on the last 2 steps, "
                         "from the state the first call returned")
    size = float(sum(p.abs().sum() for p in params) + H0.abs().sum()) * len(inputs)
    expect.close(torch.cat([first, second]), outputs.double(), "the outputs of two calls in a "
                 "row (the second from the first's state)", dtype=torch.float32, scale=size,
                 hint="Return (H,) with the H after the last step, not the state you got.")
    expect.close(H_end, H.double(), "the final H of two calls in a row", dtype=torch.float32,
                 scale=size)


# -- grad_clipping -------------------------------------------------------------------------
def _leaves(student, grads):
    return [student.make("leaf", value=torch.zeros_like(g), grad=g) for g in grads]


def test_grad_clipping_scales_to_theta(student):
    """Global norm sqrt(sum of all grad**2); above theta, every grad *= theta / norm, in place."""
    params = _leaves(student, [torch.tensor([3.0]), torch.tensor([4.0])])
    norm = student.call("grad_clipping", params, 1.0)
    expect.number(norm, 5.0, "grad_clipping(params with gradients 3 and 4, theta=1)",
                  scale=5.0, detail="(the norm before clipping, sqrt(3**2 + 4**2))")
    for param, expected, what in zip(params, (0.6, 0.8), ("first", "second"), strict=True):
        expect.close(param.inspect()["grad"], torch.tensor([expected], dtype=torch.float64),
                     f"the {what} gradient after clipping at theta=1", dtype=torch.float32,
                     scale=1.0)


def test_grad_clipping_below_theta_unchanged(student):
    """A norm below theta leaves every gradient as it is; the norm is still returned."""
    params = _leaves(student, [torch.tensor([3.0]), torch.tensor([4.0])])
    norm = student.call("grad_clipping", params, 10.0)
    expect.number(norm, 5.0, "grad_clipping(params with gradients 3 and 4, theta=10)",
                  scale=5.0)
    for param, expected in zip(params, (3.0, 4.0), strict=True):
        expect.close(param.inspect()["grad"], torch.tensor([expected]),
                     "a gradient after grad_clipping with a norm below theta")


# -- perplexity -----------------------------------------------------------------------------
def test_perplexity_known_values(student):
    """exp(total_loss / num_tokens): 1 for a loss of 0, vocab_size for uniform guessing."""
    expect.number(student.perplexity(0.0, 10), 1.0, "perplexity(0.0, 10)", scale=1.0)
    total = 10 * math.log(28)
    expect.number(student.perplexity(total, 10), 28.0, "perplexity(10 * log(28), 10)",
                  scale=28.0 * math.log(28), detail="(uniform guessing among 28 tokens)")


# -- RNNModel -------------------------------------------------------------------------------
def test_RNNModel_structure(student):
    """self.rnn = rnn_layer, self.linear = nn.Linear(hidden_size, vocab_size); outputs 2-D."""
    layer = student.make("text_rnn_layer", layer_type="rnn", input_size=5, hidden_size=8)
    net = student.keep("RNNModel", layer, 5)
    state = net.call("state_dict")
    names = sorted(state) if isinstance(state, dict) else state
    expected = sorted(["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0",
                       "rnn.bias_hh_l0", "linear.weight", "linear.bias"])
    expect.expect(names == expected, f"RNNModel(nn.RNN(5, 8), 5) has parameters {names}, "
                  f"expected {expected}", hint="Name the layers self.rnn and self.linear.")
    expect.tensor(state["linear.weight"], "linear.weight", shape=(5, 8))
    result = net.call("forward", torch.randint(0, 5, (3, 4)), None)
    expect.expect(isinstance(result, (tuple, list)) and len(result) == 2,
                  f"forward returned {expect.describe(result)}, expected (outputs, state)")
    expect.tensor(result[0], "the outputs for 3 sequences of 4 steps", shape=(12, 5),
                  dtype=torch.float32, hint="Reshape Y to (-1, hidden_size) before self.linear.")
    expect.tensor(result[1], "the state after them", shape=(1, 3, 8))


def test_RNNModel_begin_state(student):
    """begin_state(batch_size, device): zeros (num_layers, batch_size, hidden_size)."""
    layer = student.make("text_rnn_layer", layer_type="rnn", input_size=5, hidden_size=8)
    state = student.keep("RNNModel", layer, 5).call("begin_state", 3, CPU)
    expect.close(state, torch.zeros(1, 3, 8), "begin_state(3, device) of an RNNModel with "
                 "nn.RNN(5, 8)", hint="The layer dimension comes first: (1, batch_size, 8).")


# -- train_char_lm --------------------------------------------------------------------------
def test_train_char_lm_returns_a_float(student):
    """Train with SGD, clip at 1, and return the last epoch's perplexity: a Python float > 1."""
    alphabet = ["<unk>", " ", *string.ascii_lowercase]
    text = "the time traveller for so it will be convenient to speak of him " * 8
    corpus = [alphabet.index(c) for c in text]
    net = student.make("text_language_model", vocab_size=len(alphabet), num_hiddens=8)
    loader = student.make("text_loader", corpus=corpus, batch_size=4, num_steps=8)
    vocab = student.make("text_vocab", idx_to_token=alphabet)
    value = student.call("train_char_lm", net, loader, vocab, 1.0, 1, CPU)
    expect.expect(isinstance(value, float) and math.isfinite(value) and value > 1,
                  f"train_char_lm returned {expect.describe(value)}, expected the perplexity "
                  "of the epoch, a finite Python float above 1",
                  hint="perplexity(total loss, number of tokens): a float, not a tensor.")
