"""Hidden checks for 06-inception-resnet: the blocks against the reference with its weights
loaded by key, in both modes; gradients; what a deep stack of residual blocks does.

Each check's docstring is the hint shown when it fails. Expected values come from the
reference block in float64; tolerances from the magnitudes the block's arithmetic carries
(the same block with |weights| on |x|).
"""

import copy

import torch
import torch.nn.functional as F

from autograder import expect
from autograder.student import StudentError


def _student_block(student, name: str, args: tuple, kwargs: dict, state: dict, what: str):
    """The student's block, made with these arguments, with the reference's weights loaded."""
    net = student.keep(name, *args, **kwargs)
    try:
        net.call("load_state_dict", state)
    except StudentError as error:
        expect.fail(f"the reference's weights do not load into your {what}: "
                    f"{error.detail[:300]}", hint="Name the layers as the contract does, "
                    "with its kernel sizes and channel counts.")
    return net


def _backward(net, x: torch.Tensor, v: torch.Tensor, what: str) -> dict:
    """Gradients of sum(net(x) * v) in the worker: 'input' and every parameter by name."""
    reply = net.student.request("grad", {"handle": net.handle, "attrs": []}, args=(x,),
                                wrt=[0], grad_output=v, parameters=True)
    grads = reply.get("parameter_grads")
    got = {"input": (reply["grads"] or [None])[0], **(grads if isinstance(grads, dict) else {})}
    expect.expect(got["input"] is not None, f"no gradient flows from {what} back to its input",
                  hint="Build forward from the layers and torch ops: no .detach(), .data or "
                       "numpy.")
    return got


def _expected_grads(model, x: torch.Tensor, v: torch.Tensor) -> dict:
    """The reference's gradients of sum(model(x) * v), in float64, by name."""
    exact = copy.deepcopy(model).double()
    x64 = x.double().requires_grad_(True)
    names = ["input", *(k for k, _ in exact.named_parameters())]
    grads = torch.autograd.grad(exact(x64), [x64, *exact.parameters()], v.double())
    return dict(zip(names, grads, strict=True))


def _expect_grads(got: dict, expected: dict, sizes: dict, what: str) -> None:
    for name, want in expected.items():
        expect.expect(got.get(name) is not None, f"no gradient reaches {name} of {what}")
        expect.close(got[name], want, f"the gradient of {what}'s output in {name}",
                     dtype=torch.float32, scale=sizes[name])


def _abs_conv(layer, v: torch.Tensor) -> torch.Tensor:
    """What the outputs of a conv layer are summed from: |w| * |v| + |b|, in float64."""
    return F.conv2d(v, layer.weight.detach().double().abs(), layer.bias.detach().double().abs(),
                    stride=layer.stride, padding=layer.padding)


# -- Inception --------------------------------------------------------------------------
INCEPTIONS = [((10, 16, (16, 24), (16, 24), 24), (2, 10, 12, 12)),
              ((3, 4, (2, 6), (2, 3), 5), (1, 3, 7, 9)),
              ((1, 1, (1, 1), (1, 1), 1), (3, 1, 5, 4))]


def _inception_size(model, x_abs: torch.Tensor) -> torch.Tensor:
    """The same block on |x| with |weights| (its ReLUs then pass everything), in float64."""
    p1 = _abs_conv(model.p1_1, x_abs)
    p2 = _abs_conv(model.p2_2, _abs_conv(model.p2_1, x_abs))
    p3 = _abs_conv(model.p3_2, _abs_conv(model.p3_1, x_abs))
    p4 = _abs_conv(model.p4_2, F.max_pool2d(x_abs, 3, stride=1, padding=1))
    return torch.cat((p1, p2, p3, p4), dim=1)


def test_Inception_matches_reference(student, reference):
    """p1 = relu(p1_1(x)); p2 = relu(p2_2(relu(p2_1(x)))); p3 likewise with the 5x5 (padding
    2); p4 = relu(p4_2(max_pool2d(x, 3, stride=1, padding=1))); torch.cat((p1, p2, p3, p4),
    dim=1). The same in training and in eval mode: nothing in it depends on the mode."""
    for args, x_shape in INCEPTIONS:
        model = reference.Inception(*args)
        net = _student_block(student, "Inception", args, {}, model.state_dict(),
                             f"Inception{args}")
        x = torch.randn(x_shape)
        with torch.no_grad():
            expected = copy.deepcopy(model).double()(x.double())
        size = _inception_size(model, x.double().abs())
        for mode in ("train", "eval"):
            net.call(mode)
            expect.close(net.call("forward", x), expected,
                         f"Inception{args} on {x_shape}, in {mode} mode, the reference's "
                         "weights", dtype=torch.float32, scale=size)


def test_Inception_gradients(student, reference):
    """Gradients must reach the input and every conv of every path (a path that is computed
    but not concatenated, or a detached one, gets none)."""
    args, x_shape = INCEPTIONS[1]
    model = reference.Inception(*args)
    net = _student_block(student, "Inception", args, {}, model.state_dict(), f"Inception{args}")
    x = torch.randn(x_shape)
    v = torch.randn(expect.tensor(net.call("forward", x), f"Inception{args}").shape)
    got = _backward(net, x, v, f"Inception{args}")
    # the same block with |weights| on |x|, backward from |v|: what each gradient sums
    sizes = _expected_grads(_abs_model(model), x.abs(), v.abs())
    _expect_grads(got, _expected_grads(model, x, v), {k: g.abs().amax() for k, g in
                                                      sizes.items()}, f"Inception{args}")


def _abs_model(model):
    """A copy with |weights| (its ReLUs then pass what |x| gives them), for magnitudes."""
    copied = copy.deepcopy(model)
    with torch.no_grad():
        for p in copied.parameters():
            p.abs_()
    return copied


# -- Residual ---------------------------------------------------------------------------
RESIDUALS = [((4, 4), {}, (3, 4, 6, 6)),
             ((4, 8), {"use_1x1conv": True, "strides": 2}, (3, 4, 7, 7)),
             ((4, 4), {"use_1x1conv": True}, (2, 4, 5, 5)),
             ((3, 6), {"use_1x1conv": True}, (2, 3, 6, 6))]


def _reference_residual(reference, args: tuple, kwargs: dict):
    """A reference block whose BatchNorm layers hold non-trivial statistics and affine
    parameters, so that a block that skips or swaps them is seen."""
    model = reference.Residual(*args, **kwargs)
    with torch.no_grad():
        for bn in (model.bn1, model.bn2):
            bn.running_mean.normal_(0, 0.5)
            bn.running_var.uniform_(0.5, 2.0)
            bn.weight.uniform_(0.5, 1.5)
            bn.bias.normal_(0, 0.5)
    return model


def _bn_size(bn, v: torch.Tensor, v_size: torch.Tensor, training: bool) -> torch.Tensor:
    """What BatchNorm's output is computed from: (|v| + |mean|) / std * |gamma| + |beta|,
    with the batch's statistics in training and the running ones in eval mode."""
    if training:
        mean, var = v.mean(dim=(0, 2, 3)), v.var(dim=(0, 2, 3), unbiased=False)
    else:
        mean, var = bn.running_mean.double(), bn.running_var.double()
    shape = (1, -1, 1, 1)
    ratio = (v_size + mean.abs().reshape(shape)) / (var.reshape(shape) + bn.eps).sqrt()
    if training:  # the batch's variance is itself computed from those sizes, squared
        ratio = ratio * (1 + ratio.amax(dim=(0, 2, 3), keepdim=True))
    return ratio * bn.weight.detach().double().abs().reshape(shape) \
        + bn.bias.detach().double().abs().reshape(shape)


def _residual_size(model, x: torch.Tensor, training: bool) -> torch.Tensor:
    """What each output of the reference Residual is computed from, in float64."""
    exact = copy.deepcopy(model).double().train(training)
    x = x.double()
    with torch.no_grad():
        h = exact.conv1(x)
        h_size = _abs_conv(exact.conv1, x.abs())
        a, a_size = F.relu(exact.bn1(h)), _bn_size(exact.bn1, h, h_size, training)
        g = exact.conv2(a)
        main = _bn_size(exact.bn2, g, _abs_conv(exact.conv2, a_size), training)
        shortcut = x.abs() if exact.conv3 is None else _abs_conv(exact.conv3, x.abs())
    return main + shortcut


def test_Residual_matches_reference(student, reference):
    """Y = relu(bn1(conv1(X))), Y = bn2(conv2(Y)), then relu(Y + X), with X = conv3(X) when
    use_1x1conv; the stride goes to conv1 and conv3 (not conv2); no ReLU before the addition."""
    for args, kwargs, x_shape in RESIDUALS:
        model = _reference_residual(reference, args, kwargs).eval()
        net = _student_block(student, "Residual", args, kwargs, model.state_dict(),
                             f"Residual{args} {kwargs}")
        net.call("eval")
        x = torch.randn(x_shape)
        with torch.no_grad():
            expected = copy.deepcopy(model).double()(x.double())
        expect.close(net.call("forward", x), expected,
                     f"Residual{args} {kwargs} on {x_shape} in eval mode, the reference's "
                     "weights and BatchNorm statistics", dtype=torch.float32,
                     scale=_residual_size(model, x, training=False))


def test_Residual_training_mode(student, reference):
    """In training mode bn1 and bn2 normalise with the batch's statistics and update their
    running averages: use nn.BatchNorm2d(num_channels), each once, in forward."""
    args, kwargs, x_shape = RESIDUALS[1]
    model = _reference_residual(reference, args, kwargs).train()
    net = _student_block(student, "Residual", args, kwargs, model.state_dict(),
                         f"Residual{args} {kwargs}")
    net.call("train")
    x = torch.randn(x_shape) * 2 + 1
    size = _residual_size(model, x, training=True)
    exact = copy.deepcopy(model).double()
    with torch.no_grad():
        expected = exact(x.double())
    expect.close(net.call("forward", x), expected,
                 f"Residual{args} {kwargs} in training mode (batch statistics)",
                 dtype=torch.float32, scale=size)
    state = net.call("state_dict")
    expect.expect(isinstance(state, dict), f"the block's state_dict() is "
                  f"{expect.describe(state)}, expected a dict of tensors")
    for bn in ("bn1", "bn2"):
        for key in ("running_mean", "running_var"):
            want = getattr(exact, bn)._buffers[key]
            # momentum 0.1 of the batch's statistics, which are as large as the inputs
            expect.close(state.get(f"{bn}.{key}"), want, f"{bn}.{key} after one forward in "
                         "training mode", dtype=torch.float32,
                         scale=1 + want.abs().amax().item())


def test_Residual_gradients(student, reference):
    """Gradients must reach the input through both paths, and every conv and BatchNorm."""
    args, kwargs, x_shape = RESIDUALS[1]
    model = _reference_residual(reference, args, kwargs).eval()
    net = _student_block(student, "Residual", args, kwargs, model.state_dict(),
                         f"Residual{args} {kwargs}")
    net.call("eval")
    x = torch.randn(x_shape)
    v = torch.randn(expect.tensor(net.call("forward", x), f"Residual{args}").shape)
    got = _backward(net, x, v, f"Residual{args}")
    # per tensor: the largest gradient of the same block with |weights| and |BN scale|
    sizes = _expected_grads(_abs_residual(model), x.abs(), v.abs())
    _expect_grads(got, _expected_grads(model, x, v),
                  {k: g.abs().amax() for k, g in sizes.items()}, f"Residual{args} {kwargs}")


def _abs_residual(model):
    """A copy whose every product is of sizes: |weights|, and running means of -|mean|, so
    that BatchNorm computes (x + |mean|) / std * |gamma| + |beta|; its ReLUs then pass
    everything."""
    copied = _abs_model(model)
    for bn in (copied.bn1, copied.bn2):
        bn.running_mean.copy_(-bn.running_mean.abs())
    return copied


# -- Residual: a deep stack ---------------------------------------------------------------
DEPTH, CHANNELS = 16, 8


def _deep_blocks(reference) -> list:
    """DEPTH reference blocks with small kernels (each conv shrinks its input about 4 times)
    and BatchNorm at its start (the identity in eval mode), so that the main paths alone
    multiply the gradient by about 1/16 per block, and the shortcuts carry it."""
    blocks = []
    for _ in range(DEPTH):
        block = reference.Residual(CHANNELS, CHANNELS)
        with torch.no_grad():
            for conv in (block.conv1, block.conv2):
                conv.weight.normal_(0, 0.03)
                conv.bias.zero_()
        blocks.append(block.eval())
    return blocks


def _plain(block, x: torch.Tensor) -> torch.Tensor:
    """The same convs and BatchNorms without the shortcut."""
    return F.relu(block.bn2(block.conv2(F.relu(block.bn1(block.conv1(x))))))


def _input_grad(forward, x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    x = x.double().requires_grad_(True)
    (grad,) = torch.autograd.grad(forward(x), x, v.double())
    return grad


def test_Residual_deep_stack_gradient_flow(student, reference):
    """The gradient of x + F(x) is 1 + F'(x): add the block's input itself (not a detached copy),
    so that a deep stack of blocks passes the gradient back to its input."""
    blocks = _deep_blocks(reference)
    state = {f"{i}.{k}": v for i, block in enumerate(blocks)
             for k, v in block.state_dict().items()}
    stack = student.make("cnn_stack", blocks=[student.keep("Residual", CHANNELS, CHANNELS)
                                              for _ in range(DEPTH)])
    try:
        stack.call("load_state_dict", state)
    except StudentError as error:
        expect.fail(f"the reference's weights do not load into a stack of your blocks: "
                    f"{error.detail[:300]}")
    stack.call("eval")
    x, v = torch.randn(2, CHANNELS, 6, 6), torch.randn(2, CHANNELS, 6, 6)
    got = _backward(stack, x, v, f"a stack of {DEPTH} Residual({CHANNELS}, {CHANNELS})")["input"]
    exact = [copy.deepcopy(b).double() for b in blocks]
    expected = _input_grad(torch.nn.Sequential(*exact), x, v)
    plain = _input_grad(lambda h: _chain(_plain, exact, h), x, v)
    norm = got.double().norm().item()
    expect.expect(norm >= 0.5 * expected.norm().item(),
                  f"the input gradient of a stack of {DEPTH} of your blocks has norm "
                  f"{norm:.3g}, expected {expected.norm().item():.3g} as residual blocks give "
                  f"(a plain stack of the same convs gives {plain.norm().item():.2g}: it "
                  "vanishes)", hint="The shortcut must carry the input itself, relu(Y + X), not "
                                    "a detached copy of it.")
    # the shortcuts carry the gradient, so each element is about as large as the largest one;
    # every block adds its own rounding
    expect.close(got, expected, f"the input gradient of a stack of {DEPTH} of your blocks",
                 dtype=torch.float32, scale=DEPTH * expected.abs().amax())


def _chain(step, blocks: list, x: torch.Tensor) -> torch.Tensor:
    for block in blocks:
        x = step(block, x)
    return x
