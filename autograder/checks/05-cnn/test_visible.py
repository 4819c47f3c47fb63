"""Visible checks for 05-cnn: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions, so they run for a student
who does not have `solutions/`.
"""

import torch

from autograder import expect
from autograder.student import StudentError

# the contract's MnistNet, by state_dict key: 21,840 parameters in all
MNIST_SHAPES = {"conv1.weight": (10, 1, 5, 5), "conv1.bias": (10,),
                "conv2.weight": (20, 10, 5, 5), "conv2.bias": (20,),
                "fc1.weight": (50, 320), "fc1.bias": (50,),
                "fc2.weight": (10, 50), "fc2.bias": (10,)}


def _shapes(state: object, what: str) -> dict[str, tuple[int, ...]]:
    """Key -> shape of a state_dict that came back, refusing anything that is not one."""
    expect.expect(isinstance(state, dict), f"{what} is {expect.describe(state)}, expected a "
                  "state_dict (a dict of tensors)")
    for key, value in state.items():
        expect.tensor(value, f"{what}[{key!r}]")
    return {key: tuple(value.shape) for key, value in state.items()}


def _expect_mnist_layers(state: object, what: str) -> None:
    """The state_dict holds exactly the contract's layers, by name and shape."""
    shapes = _shapes(state, what)
    missing = sorted(set(MNIST_SHAPES) - set(shapes))
    extra = sorted(set(shapes) - set(MNIST_SHAPES))
    wrong = [f"{k} {shapes[k]} (expected {MNIST_SHAPES[k]})" for k in MNIST_SHAPES
             if k in shapes and shapes[k] != MNIST_SHAPES[k]]
    expect.expect(not (missing or extra or wrong),
                  f"{what} does not have MnistNet's layers: "
                  + "; ".join(part for part in (
                      f"missing {', '.join(missing)}" if missing else "",
                      f"unexpected {', '.join(extra)}" if extra else "",
                      f"wrong shapes {', '.join(wrong)}" if wrong else "") if part),
                  hint="conv1 = nn.Conv2d(1, 10, 5), conv2 = nn.Conv2d(10, 20, 5), "
                       "conv2_drop = nn.Dropout2d(), fc1 = nn.Linear(320, 50), "
                       "fc2 = nn.Linear(50, 10), with exactly these names.")


def _call_text(name: str, args: tuple, kwargs: dict) -> str:
    """How the call reads in a message: conv_output_size(8, 3, p=1, s=2)."""
    return f"{name}({', '.join([*map(str, args), *(f'{k}={v}' for k, v in kwargs.items())])})"


def _expect_value_error(student, name: str, args: tuple, kwargs: dict) -> None:
    what = _call_text(name, args, kwargs)
    try:
        value = student.call(name, *args, **kwargs)
    except StudentError as error:
        expect.expect(error.type == "ValueError",
                      f"{what} raised {error.describe()}, expected a ValueError")
        return
    expect.fail(f"{what} returned {expect.describe(value)}, expected a ValueError")


# -- corr2d -----------------------------------------------------------------------------
def test_corr2d_known_values(student):
    """Y[i, j] = (X[i:i + k_h, j:j + k_w] * K).sum(): element-wise products, summed (not @)."""
    X = torch.arange(9.0).reshape(3, 3)
    K = torch.arange(4.0).reshape(2, 2)
    expected = torch.tensor([[19.0, 25.0], [37.0, 43.0]], dtype=torch.float64)
    # all entries are positive, so the output is as large as the products it sums
    expect.close(student.corr2d(X, K), expected,
                 "corr2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]])",
                 dtype=torch.float32)


def test_corr2d_output_shape(student):
    """Valid cross-correlation: n_h - k_h + 1 rows and n_w - k_w + 1 columns (range(... + 1))."""
    X, K = torch.randn(5, 7), torch.randn(2, 3)
    expect.tensor(student.corr2d(X, K), "corr2d of a 5x7 X with a 2x3 K", shape=(4, 5),
                  dtype=torch.float32)


def test_corr2d_edge_kernel_not_flipped(student):
    """Cross-correlation does not flip the kernel: [[1, -1]] gives +1 where X drops from 1 to 0."""
    X = torch.ones(3, 6)
    X[:, 2:4] = 0.0  # columns 2 and 3 are dark
    K = torch.tensor([[1.0, -1.0]])
    row = torch.tensor([0.0, 1.0, 0.0, -1.0, 0.0], dtype=torch.float64)
    out = student.corr2d(X, K)
    expect.tensor(out, "corr2d(X, [[1, -1]]) for a 3x6 X", shape=(3, 5))
    expect.expect(not torch.equal(out.double(), -row.expand(3, 5)),
                  "corr2d(X, [[1, -1]]) has the opposite sign everywhere: the kernel was flipped",
                  hint="Do not flip K: Y[i, j] sums X[i + a, j + b] * K[a, b].")
    expect.close(out, row.expand(3, 5), "corr2d(X, [[1, -1]]), a vertical edge detector",
                 dtype=torch.float32, scale=2.0)


# -- conv_output_size -------------------------------------------------------------------
def test_conv_output_size_known_values(student):
    """floor((n + 2p - k) / s) + 1 with integer division (//): 28 and k=5 give 24; a Python int."""
    cases = [((28, 5), {}, 24), ((28, 5), {"p": 2}, 28), ((7, 3), {"s": 2}, 3),
             ((8, 3), {"p": 1, "s": 2}, 4), ((5, 5), {}, 1)]
    for args, kwargs, expected in cases:
        call = _call_text("conv_output_size", args, kwargs)
        value = student.conv_output_size(*args, **kwargs)
        expect.expect(type(value) is int, f"{call} returned {expect.describe(value)}, expected a "
                      "Python int", hint="Use // (floor division), not /, which gives a float.")
        expect.expect(value == expected, f"{call} gave {value}, expected {expected}")


def test_conv_output_size_kernel_too_large(student):
    """Raise ValueError when the kernel does not fit, k > n + 2p (a 5 wide kernel on 3 pixels)."""
    _expect_value_error(student, "conv_output_size", (3, 5), {})
    _expect_value_error(student, "conv_output_size", (3, 8), {"p": 2})


# -- pool2d -----------------------------------------------------------------------------
def test_pool2d_known_values(student):
    """Stride 1, no padding; 'max' takes each window's largest value, 'avg' its mean (not sum)."""
    X = torch.arange(9.0).reshape(3, 3)
    cases = [("max", torch.tensor([[4.0, 5.0], [7.0, 8.0]])),
             ("avg", torch.tensor([[2.0, 3.0], [5.0, 6.0]]))]
    for mode, expected in cases:
        expect.close(student.pool2d(X, (2, 2), mode), expected.double(),
                     f"pool2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], (2, 2), {mode!r})",
                     dtype=torch.float32)
    expect.close(student.pool2d(X, (2, 2)), cases[0][1].double(),
                 "pool2d(X, (2, 2)) without a mode (the default is 'max')", dtype=torch.float32)


def test_pool2d_output_shape(student):
    """The window (p_h, p_w) moves by 1: n_h - p_h + 1 rows, n_w - p_w + 1 columns."""
    X = torch.randn(4, 6)
    for mode in ("max", "avg"):
        expect.tensor(student.pool2d(X, (2, 3), mode), f"pool2d of a 4x6 X, (2, 3), {mode!r}",
                      shape=(3, 4), dtype=torch.float32)


# -- conv_flops -------------------------------------------------------------------------
def test_conv_flops_worked_example(student):
    """h * w * k * k * c_in * c_out multiply-accumulates (not 2x), a Python int."""
    value = student.conv_flops(28, 28, 5, 192, 32)
    expect.expect(type(value) is int, f"conv_flops(28, 28, 5, 192, 32) returned "
                  f"{expect.describe(value)}, expected a Python int")
    expect.expect(value == 120_422_400, f"conv_flops(28, 28, 5, 192, 32) gave {value:,}, "
                  "expected 120,422,400 = 28 * 28 * 5 * 5 * 192 * 32")


# -- MnistNet ---------------------------------------------------------------------------
def test_MnistNet_layers(student):
    """conv1, conv2, conv2_drop, fc1, fc2 with the contract's sizes: 21,840 parameters."""
    net = student.keep("MnistNet")
    _expect_mnist_layers(net.call("state_dict"), "MnistNet().state_dict()")


def test_MnistNet_log_probabilities(student):
    """forward returns (n, 10) log-probabilities: end with F.log_softmax(x, dim=1)."""
    net = student.keep("MnistNet")
    net.call("eval")
    out = expect.tensor(net.call("forward", torch.randn(3, 1, 28, 28)),
                        "MnistNet()(x) for x of shape (3, 1, 28, 28)", shape=(3, 10),
                        dtype=torch.float32)
    # exp(log p) is off by about eps times the size of the log-probabilities
    expect.close(out.exp().sum(dim=1), torch.ones(3, dtype=torch.float64),
                 "the row sums of exp(MnistNet()(x))", dtype=torch.float32,
                 scale=out.abs().amax(dim=1).double(),
                 hint="log_softmax over dim 1 (the classes), not the logits or probabilities.")


def test_MnistNet_dropout_only_in_training(student):
    """Dropout in training mode only: F.dropout(x, training=self.training); eval is not random."""
    net = student.keep("MnistNet")
    x = torch.randn(4, 1, 28, 28)
    outputs = {}
    for mode in ("train", "eval"):
        net.call(mode)
        outputs[mode] = []
        for offset in (1, 2):  # a different random stream for each pass
            student.seed += offset
            outputs[mode].append(expect.tensor(net.call("forward", x),
                                               f"MnistNet in {mode} mode", shape=(4, 10)))
    first, second = outputs["eval"]
    expect.close(second, first.double(), "a second pass in eval mode (compared with the first)",
                 dtype=torch.float32, scale=first.abs().amax().item(),
                 hint="In eval mode nothing is random: is F.dropout given "
                      "training=self.training?")
    first, second = outputs["train"]
    expect.expect(not torch.equal(first, second), "two passes in training mode gave the same "
                  "output, expected dropout to make them differ",
                  hint="conv2_drop after conv2, and F.dropout(x, training=self.training) "
                       "after fc1.")


# -- train_cnn --------------------------------------------------------------------------
def test_train_cnn_returns_model(student):
    """Return the trained MnistNet itself (not its state_dict, not the loss), weights finite."""
    X, y = torch.randn(32, 1, 28, 28), torch.randint(0, 10, (32,))
    loader = student.make("loader", features=X, labels=y, batch_size=16)
    net = student.call("train_cnn", loader, 1, 0.01, 0.5)
    expect.expect(hasattr(net, "call"), f"train_cnn returned {expect.describe(net)}, expected "
                  "the trained MnistNet")
    state = net.call("state_dict")
    _expect_mnist_layers(state, "the trained network's state_dict()")
    expect.expect(all(bool(torch.isfinite(v).all()) for v in state.values()),
                  "the trained weights contain inf or nan",
                  hint="optimizer.zero_grad() before every backward(); lr as given.")
