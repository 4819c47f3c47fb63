"""Visible checks for 06-inception-resnet: what a student sees from `check(...)`.

Each check's docstring is the hint shown when it fails. Visible checks use hand-worked
values and properties only, never the reference solutions: weights chosen so that the
answer can be worked out on paper (zero kernels and known biases; an identity 1x1 conv).
"""

import torch

from autograder import expect
from autograder.student import StudentError


def _conv_shapes(name: str, c_in: int, c_out: int, k: int) -> dict[str, tuple[int, ...]]:
    return {f"{name}.weight": (c_out, c_in, k, k), f"{name}.bias": (c_out,)}


def _inception_shapes(in_channels, c1, c2, c3, c4) -> dict[str, tuple[int, ...]]:
    """The contract's Inception, by state_dict key."""
    return {**_conv_shapes("p1_1", in_channels, c1, 1),
            **_conv_shapes("p2_1", in_channels, c2[0], 1), **_conv_shapes("p2_2", *c2, 3),
            **_conv_shapes("p3_1", in_channels, c3[0], 1), **_conv_shapes("p3_2", *c3, 5),
            **_conv_shapes("p4_2", in_channels, c4, 1)}


def _residual_shapes(c_in, c_out, use_1x1conv) -> dict[str, tuple[int, ...]]:
    """The contract's Residual, by state_dict key (BatchNorm's buffers included)."""
    shapes = {**_conv_shapes("conv1", c_in, c_out, 3), **_conv_shapes("conv2", c_out, c_out, 3),
              **(_conv_shapes("conv3", c_in, c_out, 1) if use_1x1conv else {})}
    for bn in ("bn1", "bn2"):
        shapes.update({f"{bn}.{k}": (c_out,) for k in ("weight", "bias", "running_mean",
                                                        "running_var")})
        shapes[f"{bn}.num_batches_tracked"] = ()
    return shapes


def _expect_layers(net, expected: dict, what: str, hint: str) -> None:
    """The block's state_dict holds exactly these keys with these shapes, and what
    load_state_dict gives the block is what its state_dict shows afterwards."""
    state = net.call("state_dict")
    name = f"{what}.state_dict()"
    expect.expect(isinstance(state, dict), f"{name} is {expect.describe(state)}, expected a "
                  "state_dict (a dict of tensors)")
    for key, value in state.items():
        expect.tensor(value, f"{name}[{key!r}]")
    shapes = {key: tuple(value.shape) for key, value in state.items()}
    missing, extra = sorted(set(expected) - set(shapes)), sorted(set(shapes) - set(expected))
    wrong = [f"{k} {shapes[k]} (expected {expected[k]})" for k in expected
             if k in shapes and shapes[k] != expected[k]]
    problems = [f"missing {', '.join(missing)}" if missing else "",
                f"unexpected {', '.join(extra)}" if extra else "",
                f"wrong shapes {', '.join(wrong)}" if wrong else ""]
    expect.expect(not (missing or extra or wrong),
                  f"{name} does not have the contract's layers: "
                  + "; ".join(p for p in problems if p), hint=hint)
    fresh = {k: torch.tensor(7) if k.endswith("num_batches_tracked") else torch.rand(shape) + 0.5
             for k, shape in expected.items()}
    _load(net, fresh, what)
    back = net.call("state_dict")
    kept = isinstance(back, dict) and all(
        isinstance(back.get(k), torch.Tensor) and back[k].shape == v.shape
        and torch.equal(back[k].to(v.dtype), v) for k, v in fresh.items())
    expect.expect(kept, f"weights loaded into {what} with load_state_dict do not come back "
                  "from its state_dict(): the layers must keep what they are given", hint=hint)


def _load(net, state: dict, what: str) -> None:
    try:
        net.call("load_state_dict", state)
    except StudentError as error:
        expect.fail(f"weights by the contract's names do not load into {what}: "
                    f"{error.detail[:300]}")


# -- Inception --------------------------------------------------------------------------
def test_Inception_output_shape(student):
    """Concatenate the four paths on dim 1 (channels): c1 + c2[1] + c3[1] + c4 channels; the
    paddings (1 for 3x3, 2 for 5x5) and the pool's stride 1 and padding 1 keep h x w."""
    cases = [((10, 16, (16, 24), (16, 24), 24), (2, 10, 12, 12), (2, 88, 12, 12)),
             ((3, 4, (2, 6), (2, 3), 5), (1, 3, 7, 9), (1, 18, 7, 9))]
    for args, x_shape, expected in cases:
        net = student.keep("Inception", *args)
        expect.tensor(net.call("forward", torch.randn(x_shape)),
                      f"Inception{args} on an input of shape {x_shape}", shape=expected,
                      dtype=torch.float32)


def test_Inception_layers(student):
    """p1_1, p2_1, p2_2, p3_1, p3_2, p4_2 with the contract's sizes (the pool has no weights)."""
    args = (10, 16, (16, 24), (16, 24), 24)
    expected = _inception_shapes(*args)
    total = sum(torch.Size(s).numel() for s in expected.values())
    _expect_layers(student.keep("Inception", *args), expected, f"Inception{args}",
                   hint=f"1x1 convs p1_1, p2_1, p3_1, p4_2; p2_2 3x3 and p3_2 5x5; "
                        f"{total:,} parameters in all.")


def test_Inception_paths_in_order(student):
    """torch.cat((p1, p2, p3, p4), dim=1), in this order, with a ReLU after every conv."""
    args = (2, 2, (2, 3), (2, 2), 2)
    state = {k: torch.zeros(s) for k, s in _inception_shapes(*args).items()}
    # all kernels zero: every path's output is its last conv's bias, after the ReLU
    biases = {"p1_1": [1.0, -1.0], "p2_2": [2.0, -2.0, 2.0], "p3_2": [3.0, -3.0],
              "p4_2": [4.0, -4.0]}
    for name, values in biases.items():
        state[f"{name}.bias"] = torch.tensor(values)
    net = student.keep("Inception", *args)
    _load(net, state, f"Inception{args}")
    expected = torch.tensor([1.0, 0, 2, 0, 2, 3, 0, 4, 0]).reshape(1, 9, 1, 1).expand(1, 9, 3, 4)
    expect.close(net.call("forward", torch.randn(1, 2, 3, 4)), expected,
                 f"Inception{args} with zero kernels and the biases {biases}")


# -- Residual ---------------------------------------------------------------------------
def test_Residual_output_shape(student):
    """Same shape with the identity shortcut; with use_1x1conv and strides=2, conv1 and conv3
    both take the stride (padding 1 on the 3x3 convs), so the two paths can be added."""
    cases = [((3, 3), {}, (4, 3, 6, 6), (4, 3, 6, 6)),
             ((3, 6), {"use_1x1conv": True, "strides": 2}, (4, 3, 6, 6), (4, 6, 3, 3)),
             ((3, 6), {"use_1x1conv": True, "strides": 2}, (2, 3, 7, 7), (2, 6, 4, 4)),
             ((3, 3), {"use_1x1conv": True}, (1, 3, 5, 5), (1, 3, 5, 5))]
    for args, kwargs, x_shape, expected in cases:
        net = student.keep("Residual", *args, **kwargs)
        net.call("eval")
        expect.tensor(net.call("forward", torch.randn(x_shape)),
                      f"Residual{args} {kwargs} on an input of shape {x_shape}",
                      shape=expected, dtype=torch.float32)


def test_Residual_rejects_impossible_identity(student):
    """Without the 1x1 conv the input is added as it is: a change of channels or stride
    cannot work, so raise ValueError in __init__."""
    for args, kwargs in [((3, 6), {}), ((3, 3), {"strides": 2})]:
        what = f"Residual{args} {kwargs}"
        try:
            made = student.keep("Residual", *args, **kwargs)
        except StudentError as error:
            expect.expect(error.type == "ValueError",
                          f"{what} raised {error.describe()}, expected a ValueError")
            continue
        expect.fail(f"{what} made {expect.describe(made)}, expected a ValueError")


def test_Residual_layers(student):
    """conv1, bn1, conv2, bn2, and conv3 only with use_1x1conv (the default bias kept)."""
    hint = ("conv1 3x3 (input_channels -> num_channels), conv2 3x3, bn1 and bn2 "
            "BatchNorm2d(num_channels), conv3 1x1 when use_1x1conv.")
    for args, kwargs, use_1x1conv in [((3, 6), {"use_1x1conv": True, "strides": 2}, True),
                                      ((4, 4), {}, False)]:
        net = student.keep("Residual", *args, **kwargs)
        _expect_layers(net, _residual_shapes(*args, use_1x1conv), f"Residual{args} {kwargs}",
                       hint=hint)


def test_Residual_shortcut_hand_worked(student):
    """relu(main + shortcut): with zero convs the main path is 0 and the output is relu of the
    shortcut; the identity adds x itself; conv3 (stride strides) maps x to the new shape."""
    x = torch.randn(2, 3, 6, 6)
    identity = torch.eye(3).reshape(3, 3, 1, 1)
    cases = [({}, {}, x), ({"use_1x1conv": True}, {"conv3.weight": identity}, x),
             ({"use_1x1conv": True, "strides": 2}, {"conv3.weight": identity},
              x[:, :, ::2, ::2])]
    for kwargs, weights, shortcut in cases:
        state = {k: torch.zeros(s) for k, s in
                 _residual_shapes(3, 3, kwargs.get("use_1x1conv", False)).items()}
        for bn in ("bn1", "bn2"):  # BatchNorm at its start: the identity, in eval mode
            state[f"{bn}.weight"], state[f"{bn}.running_var"] = torch.ones(3), torch.ones(3)
        state["bn1.num_batches_tracked"] = state["bn2.num_batches_tracked"] = torch.tensor(0)
        state.update(weights)
        net = student.keep("Residual", 3, 3, **kwargs)
        _load(net, state, f"Residual(3, 3) {kwargs}")
        net.call("eval")
        expect.close(net.call("forward", x), shortcut.clamp(min=0).double(),
                     f"Residual(3, 3) {kwargs} in eval mode with zero convs"
                     + (" and conv3 the identity" if weights else ""), dtype=torch.float32,
                     scale=shortcut.abs().double())
