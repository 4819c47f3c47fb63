"""Hidden checks for 05-cnn: against the library and the reference, gradients, edge cases,
dropout's behaviour, training.

Each check's docstring is the hint shown when it fails. The library's own convolution and
pooling (in float64, in the grader) are the oracles for `corr2d` and `pool2d`.
"""

import copy
import math

import pytest
import torch
import torch.nn.functional as F

from autograder import expect
from autograder.datasets import grading_split28, normalized
from autograder.engine import visible_of
from autograder.student import StudentError

_expect_value_error = visible_of(__file__)._expect_value_error


def _conv(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """The library's cross-correlation of two 2-D tensors, in float64."""
    return F.conv2d(X.double()[None, None], K.double()[None, None])[0, 0]


def _expect_int(value: object, expected: int, what: str) -> None:
    expect.expect(type(value) is int, f"{what} returned {expect.describe(value)}, expected a "
                  "Python int")
    expect.expect(value == expected, f"{what} gave {value:,}, expected {expected:,}")


# -- corr2d -----------------------------------------------------------------------------
def test_corr2d_matches_conv2d(student):
    """Loop over every output position (i, j), rows with k_h and columns with k_w; sum the
    element-wise products X[i:i + k_h, j:j + k_w] * K (no @, no flip, no .item())."""
    # the first shape twice, with fresh values: an answer kept from an earlier call is wrong
    for x_shape, k_shape in [((6, 8), (3, 3)), ((6, 8), (3, 3)), ((7, 5), (2, 4)),
                             ((1, 6), (1, 3)), ((5, 4), (1, 1))]:
        X, K = torch.randn(x_shape), torch.randn(k_shape)
        expect.close(student.corr2d(X, K), _conv(X, K),
                     f"corr2d of a {x_shape[0]}x{x_shape[1]} X with a "
                     f"{k_shape[0]}x{k_shape[1]} K", dtype=torch.float32,
                     scale=_conv(X.abs(), K.abs()))


def test_corr2d_kernel_as_large_as_input(student):
    """A kernel of X's own size fits once: a 1x1 output, (X * K).sum()."""
    X, K = torch.randn(4, 5), torch.randn(4, 5)
    expect.close(student.corr2d(X, K), _conv(X, K), "corr2d of a 4x5 X with a 4x5 K",
                 dtype=torch.float32, scale=_conv(X.abs(), K.abs()))


def test_corr2d_gradient_in_kernel(student):
    """Build Y from differentiable ops (Y[i, j] = (... * K).sum()); no .item(), no numpy."""
    X, K, v = torch.randn(6, 7), torch.randn(3, 2), torch.randn(4, 6)
    _, grads = student.grad("corr2d", (X, K), wrt=(1,), grad_output=v)
    expect.expect(grads is not None and grads[0] is not None,
                  "no gradient flows from corr2d(X, K) back to K")
    # d sum(Y * v) / dK[a, b] = sum_ij X[i + a, j + b] v[i, j]: X cross-correlated with v
    expect.close(grads[0], _conv(X, v), "the gradient of corr2d(X, K) in K",
                 dtype=torch.float32, scale=_conv(X.abs(), v.abs()))


def test_corr2d_input_unchanged(student):
    """Do not change X or K in place: compute a new output tensor."""
    X, K = torch.randn(5, 5), torch.randn(2, 2)
    handles = [student.make("tensor", value=t) for t in (X, K)]
    student.call("corr2d", *handles)
    for handle, original, what in zip(handles, (X, K), ("X", "K"), strict=True):
        expect.close(handle.inspect()["value"], original, f"{what} after corr2d(X, K)")


@pytest.mark.gate
def test_corr2d_no_library_convolution(student, assignment, answers, other_cells):
    """corr2d by hand: loops, slicing, * and sum (or unfold) are fine; conv2d is not."""
    expect.no_shortcuts(student, assignment.item("corr2d"), answers.get("corr2d", ""),
                        other_cells, torch.randn(5, 6), torch.randn(2, 3))


# -- conv_output_size -------------------------------------------------------------------
def test_conv_output_size_matches_formula(student, reference):
    """floor((n + 2p - k) / s) + 1 with //: padding on both sides, floor, and the + 1."""
    cases = [(28, 5, 0, 1), (28, 5, 2, 1), (28, 3, 1, 2), (27, 3, 1, 2), (7, 3, 0, 2),
             (8, 3, 0, 3), (10, 4, 1, 3), (224, 7, 3, 2), (6, 2, 0, 2), (1, 1, 0, 1),
             (1, 3, 1, 1), (13, 1, 0, 4)]
    for i, (n, k, p, s) in enumerate(cases):
        # every other call with the contract's keyword names
        args, kwargs = ((n, k, p, s), {}) if i % 2 else ((n, k), {"p": p, "s": s})
        _expect_int(student.call("conv_output_size", *args, **kwargs),
                    reference.conv_output_size(n, k, p, s),
                    f"conv_output_size(n={n}, k={k}, p={p}, s={s})")


def test_conv_output_size_kernel_fills_input(student):
    """k == n + 2p still fits once (output 1): raise only when k > n + 2p."""
    for (n, k, p, s) in [(5, 5, 0, 1), (3, 7, 2, 1), (3, 7, 2, 3)]:
        _expect_int(student.conv_output_size(n, k, p, s), 1,
                    f"conv_output_size({n}, {k}, {p}, {s})")


def test_conv_output_size_impossible_settings(student):
    """Raise ValueError for k < 1, p < 0, s < 1, and for k > n + 2p whatever the stride."""
    for args in [(5, 0, 0, 1), (5, 3, -1, 1), (5, 3, 0, 0), (5, 3, 0, -2), (4, 7, 1, 2)]:
        _expect_value_error(student, "conv_output_size", args, {})


# -- pool2d -----------------------------------------------------------------------------
def _library_pool(X: torch.Tensor, pool_size: tuple[int, int], mode: str) -> torch.Tensor:
    """The library's stride-1 pooling of a 2-D tensor, in float64."""
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    return pool(X.double()[None, None], pool_size, stride=1)[0, 0]


def _expect_pool(student, X: torch.Tensor, pool_size: tuple[int, int], mode: str) -> None:
    # a maximum is exact; a mean is off by the rounding of a sum of |X|
    expect.close(student.pool2d(X, pool_size, mode), _library_pool(X, pool_size, mode),
                 f"pool2d of a {X.shape[0]}x{X.shape[1]} X, {pool_size}, {mode!r}",
                 dtype=torch.float32, scale=_library_pool(X.abs(), pool_size, "avg"))


def test_pool2d_matches_library(student):
    """Stride 1: every window (i, j) of p_h rows and p_w columns; 'avg' is the mean, not the
    sum; use p_h with the rows and p_w with the columns."""
    # the first case twice, with fresh values: an answer kept from an earlier call is wrong
    for x_shape, pool_size in [((5, 6), (2, 3)), ((5, 6), (2, 3)), ((6, 5), (3, 2)),
                               ((4, 7), (2, 2))]:
        for mode in ("max", "avg"):
            _expect_pool(student, torch.randn(x_shape), pool_size, mode)


def test_pool2d_window_as_large_as_input(student):
    """A window of X's own size gives one number; a 1x1 window gives X back."""
    X = torch.randn(3, 4)
    for pool_size in [(3, 4), (1, 1)]:
        for mode in ("max", "avg"):
            _expect_pool(student, X, pool_size, mode)


def test_pool2d_input_unchanged(student):
    """Do not change X in place: write into a new output tensor."""
    X = torch.randn(4, 4)
    handle = student.make("tensor", value=X)
    for mode in ("max", "avg"):
        student.call("pool2d", handle, (2, 2), mode)
    expect.close(handle.inspect()["value"], X, "X after pool2d(X, (2, 2), ...)")


@pytest.mark.gate
def test_pool2d_no_library_pooling(student, assignment, answers, other_cells):
    """pool2d by hand: .max() and .mean() of each window are fine; max_pool2d and such are not."""
    for mode in ("max", "avg"):
        expect.no_shortcuts(student, assignment.item("pool2d"), answers.get("pool2d", ""),
                            other_cells, torch.randn(4, 5), (2, 2), mode)


# -- conv_flops -------------------------------------------------------------------------
def test_conv_flops_matches_formula(student, reference):
    """Same padding keeps h x w: MACs = h * w * k * k * c_in * c_out, an int."""
    for args in [(28, 28, 1, 192, 16), (28, 28, 5, 16, 32), (224, 224, 7, 3, 64),
                 (56, 56, 3, 64, 64), (1, 1, 1, 1, 1), (7, 7, 3, 512, 512)]:
        _expect_int(student.conv_flops(*args), reference.conv_flops(*args),
                    f"conv_flops{args}")


def test_conv_flops_non_square_input(student):
    """Both sides count: h * w output positions, each k * k * c_in MACs per output channel."""
    _expect_int(student.conv_flops(14, 7, 3, 2, 5), 14 * 7 * 9 * 2 * 5,
                "conv_flops(14, 7, 3, 2, 5)")


# -- MnistNet ---------------------------------------------------------------------------
def _mnist_net(student, state: dict):
    """The student's MnistNet with these weights loaded by name."""
    net = student.keep("MnistNet")
    try:
        net.call("load_state_dict", state)
    except StudentError as error:
        expect.fail(f"the reference weights (conv1.weight, ..., fc2.bias) do not load into your "
                    f"MnistNet: {error.detail[:300]}",
                    hint="Name the layers conv1, conv2, conv2_drop, fc1, fc2, with the "
                         "contract's sizes.")
    return net


def _mnist_sizes(model, x: torch.Tensor, v: torch.Tensor):
    """What MnistNet's outputs and gradients are computed from, in float64.

    The same network with |weights| on |x| (every ReLU then passes everything): its largest
    logit bounds what each log-probability is summed from (log_softmax subtracts about the
    largest logit), and its gradients under |v| + sum |v| (the size of the gradient at the
    logits) bound what each gradient sums; taken per tensor, since max pooling may pick
    other positions in it.
    """
    params = {k: p.detach().double().abs().requires_grad_(True)
              for k, p in model.named_parameters()}
    x_abs = x.detach().double().abs().requires_grad_(True)
    h = F.max_pool2d(F.conv2d(x_abs, params["conv1.weight"], params["conv1.bias"]), 2)
    h = F.max_pool2d(F.conv2d(h, params["conv2.weight"], params["conv2.bias"]), 2)
    h = F.linear(h.flatten(1), params["fc1.weight"], params["fc1.bias"])
    z = F.linear(h, params["fc2.weight"], params["fc2.bias"])
    w = v.abs().double() + v.abs().double().sum(dim=1, keepdim=True)
    grads = torch.autograd.grad(z, [x_abs, *params.values()], w)
    return z.detach().amax(dim=1, keepdim=True), dict(zip(["input", *params],
                                                          (g.amax() for g in grads),
                                                          strict=True))


def test_MnistNet_matches_reference(student, reference):
    """relu(max_pool2d(conv1(x), 2)), relu(max_pool2d(conv2_drop(conv2(x)), 2)), view(-1,
    320), relu(fc1), dropout, fc2, log_softmax(dim=1): with the same weights, the same output."""
    model = reference.MnistNet().eval()
    net = _mnist_net(student, model.state_dict())
    net.call("eval")
    exact = copy.deepcopy(model).double()
    for n in (5, 1):
        x = torch.randn(n, 1, 28, 28)
        with torch.no_grad():
            expected = exact(x.double())
        logit_size, _ = _mnist_sizes(model, x, torch.ones(n, 10))
        expect.close(net.call("forward", x), expected,
                     f"MnistNet (eval mode, the reference's weights) on {n} image(s)",
                     dtype=torch.float32, scale=logit_size)


def test_MnistNet_gradients(student, reference):
    """Gradients must reach the input and every parameter: build forward from the layers, no
    .detach(), no .data, no numpy."""
    model = reference.MnistNet().eval()
    net = _mnist_net(student, model.state_dict())
    net.call("eval")
    x, v = torch.randn(3, 1, 28, 28), torch.randn(3, 10)
    reply = student.request("grad", {"handle": net.handle, "attrs": []}, args=(x,), wrt=[0],
                            grad_output=v, parameters=True)
    parameter_grads = reply.get("parameter_grads")
    got = {"input": (reply["grads"] or [None])[0],
           **(parameter_grads if isinstance(parameter_grads, dict) else {})}
    exact = copy.deepcopy(model).double()
    x64 = x.double().requires_grad_(True)
    names = ["input", *(k for k, _ in exact.named_parameters())]
    expected = torch.autograd.grad(exact(x64), [x64, *exact.parameters()], v.double())
    _, sizes = _mnist_sizes(model, x, v)
    for name, want in zip(names, expected, strict=True):
        expect.expect(got.get(name) is not None, f"no gradient reaches {name} of MnistNet")
        expect.close(got[name], want, f"the gradient of MnistNet's output in {name}",
                     dtype=torch.float32, scale=sizes[name])


def _dropout_probe(reference) -> tuple[dict, torch.Tensor]:
    """Weights that make fc1's output a known c > 0 whatever the input, and fc2 copy it out.

    Every weight is zero except fc1's bias (c) and fc2's weight, which copies hidden units
    0..8 to logits 0..8; logit 9 is always 0. So logit j - logit 9 is what dropout made of
    c[j]: c[j] in eval mode, 0 or 2 c[j] (p = 0.5, survivors times 1 / (1 - p)) in training.
    """
    state = {k: torch.zeros_like(v) for k, v in reference.MnistNet().state_dict().items()}
    c = 1.0 + torch.arange(50.0) / 50
    state["fc1.bias"] = c.clone()
    state["fc2.weight"][torch.arange(9), torch.arange(9)] = 1.0
    return state, c[:9]


def _dropped(student, net, what: str) -> tuple[torch.Tensor, torch.Tensor]:
    """Logits 0..8 minus logit 9 of a batch of 64, and the size they are computed from."""
    out = expect.tensor(net.call("forward", torch.randn(64, 1, 28, 28)), what, shape=(64, 10))
    return out[:, :9] - out[:, 9:], out[:, :9].abs() + out[:, 9:].abs()


def test_MnistNet_inverted_dropout(student, reference):
    """After fc1: F.dropout(x, p=0.5, training=self.training), which zeroes half the units and
    doubles the others in training mode, and leaves them alone in eval mode."""
    state, c = _dropout_probe(reference)
    net = _mnist_net(student, state)
    net.call("eval")
    z, size = _dropped(student, net, "MnistNet in eval mode")
    expect.close(z, c.double().expand(64, 9), "in eval mode, the units after fc1 (through "
                 "weights that copy them out)", dtype=torch.float32, scale=size,
                 hint="In eval mode dropout does nothing: no zeros, no scaling.")
    net.call("train")
    z, size = _dropped(student, net, "MnistNet in training mode")
    kept = z > c / 2  # each unit is either dropped (0) or kept and doubled (2 c)
    # 576 units, each kept with probability 0.5: six standard deviations are 0.125
    rate, bound = kept.double().mean().item(), 6 * math.sqrt(0.25 / kept.numel())
    expect.expect(abs(rate - 0.5) <= bound, f"in training mode {rate:.3f} of the units after "
                  f"fc1 were kept, expected 0.5 (p = 0.5), within {bound:.3f}")
    expect.close(z, torch.where(kept, 2 * c, torch.zeros_like(c)).double(),
                 "in training mode, the units after fc1 (each expected 0, or doubled)",
                 dtype=torch.float32, scale=size,
                 hint="Inverted dropout: survivors are divided by 1 - p = 0.5, so doubled.")


def test_MnistNet_conv2_drop_zeroes_channels(student):
    """conv2_drop = nn.Dropout2d(): in training it zeroes whole channels (p = 0.5) and doubles
    the rest; nn.Dropout would zero single pixels."""
    net = student.keep("MnistNet")
    ones = torch.ones(8, 20, 4, 4)
    net.call("eval")
    expect.close(net.call("conv2_drop", ones), ones, "conv2_drop in eval mode on ones")
    net.call("train")
    out = expect.tensor(net.call("conv2_drop", ones), "conv2_drop in training mode on ones "
                        "(8 images of 20 channels)", shape=(8, 20, 4, 4))
    low, high = out.amin(dim=(2, 3)), out.amax(dim=(2, 3))
    expect.expect(bool((low == high).all()), "conv2_drop zeroed single pixels of a channel, "
                  "expected whole channels kept or dropped", hint="conv2_drop = nn.Dropout2d()")
    kept = high > 1
    expect.close(high, torch.where(kept, 2.0, 0.0), "the channels after conv2_drop (each "
                 "expected 0, or 2 = 1 / (1 - p))")
    # 160 channels, each kept with probability 0.5: six standard deviations are 0.24
    rate, bound = kept.double().mean().item(), 6 * math.sqrt(0.25 / kept.numel())
    expect.expect(abs(rate - 0.5) <= bound, f"conv2_drop kept {rate:.3f} of the channels, "
                  f"expected 0.5 within {bound:.3f}")


# -- train_cnn --------------------------------------------------------------------------
def _trained(student, reference, loader, num_epochs: int, lr: float, momentum: float):
    """The weights the student's training returns, loaded into the reference MnistNet."""
    net = student.call("train_cnn", loader, num_epochs, lr, momentum)
    state = net.call("state_dict") if hasattr(net, "call") else None
    expect.expect(isinstance(state, dict), f"train_cnn returned {expect.describe(net)}, "
                  "expected the trained MnistNet")
    model = reference.MnistNet()
    try:
        model.load_state_dict(state)
    except (RuntimeError, TypeError, KeyError) as error:
        expect.fail(f"the trained network's weights do not fit MnistNet: {str(error)[:300]}")
    expect.expect(all(bool(torch.isfinite(p).all()) for p in model.parameters()),
                  "the trained weights contain inf or nan",
                  hint="optimizer.zero_grad() before every backward(); lr as given; the loss "
                       "is F.nll_loss of the log-probabilities.")
    return model.eval()


def _grader_data(assignment):
    settings = assignment.item("train_cnn").settings
    return settings, normalized(grading_split28(settings["split_seed"]))


def test_train_cnn_accuracy(student, reference, assignment):
    """Each minibatch: optimizer.zero_grad(), loss = F.nll_loss(net(X), y), loss.backward(),
    optimizer.step(), with torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum) and
    net.train() in every epoch; return the net."""
    settings, data = _grader_data(assignment)
    loader = student.make("loader", features=data.train_images, labels=data.train_labels,
                          batch_size=settings["batch_size"], seed=student.seed)
    model = _trained(student, reference, loader, settings["num_epochs"], settings["lr"],
                     settings["momentum"])
    with torch.no_grad():
        predicted = model(data.test_images).argmax(dim=1)
    accuracy = (predicted == data.test_labels).double().mean().item()
    expect.ramp(accuracy, floor=settings["floor_accuracy"], target=settings["target_accuracy"],
                what=f"test accuracy after {settings['num_epochs']} epochs on the grader's "
                     f"{len(data.test_labels)} held-out digits")


def test_train_cnn_uses_its_arguments(student, reference, assignment):
    """Use the num_epochs, lr and momentum you are given (torch.optim.SGD(..., lr=lr,
    momentum=momentum), range(num_epochs)): nothing fixed in the code."""
    settings, data = _grader_data(assignment)
    X, y = data.train_images[:24], data.train_labels[:24]
    lr, momentum = settings["lr"], settings["momentum"]

    def weights(num_epochs: int, lr: float, momentum: float) -> torch.Tensor:
        # the same seed and the same minibatches for every run: only the settings differ
        loader = student.make("loader", features=X, labels=y, batch_size=8, seed=1)
        model = _trained(student, reference, loader, num_epochs, lr, momentum)
        return torch.cat([p.detach().reshape(-1) for p in model.parameters()])

    def same(a: torch.Tensor, b: torch.Tensor) -> bool:
        return bool(((a - b).abs() <= expect.tolerance(b, torch.float32)).all())

    start, frozen = weights(0, lr, momentum), weights(1, 0.0, momentum)
    one_epoch, two_epochs = weights(1, lr, momentum), weights(2, lr, momentum)
    if same(start, frozen):  # both at the initial weights, as they should be
        expect.expect(not (same(one_epoch, start) and same(two_epochs, start)),
                      "training never changed the weights (num_epochs=0, lr=0, one epoch and "
                      "two epochs all gave the same): do backward() and optimizer.step() run "
                      "for every minibatch, with the lr and num_epochs passed in?")
    expect.expect(not same(two_epochs, one_epoch), "two epochs gave the same weights as one "
                  "epoch: is num_epochs used (for epoch in range(num_epochs))?")
    expect.expect(same(frozen, start), "with lr=0 one epoch still changed the weights "
                  "(compared with num_epochs=0): is lr the one passed in?")
    expect.expect(not same(weights(1, lr, 0.0), one_epoch), f"momentum=0 gave the same weights "
                  f"as momentum={momentum}: is momentum passed to torch.optim.SGD?")
