"""Does the kit's character model compute what `nn.RNN` computes, however it is called?

`probes_text.LanguageModel` runs its tanh RNN through one autograd node with the
backpropagation through time written out (`_TanhRecurrence`), so that the grader's
training runs cost less; a student's training loop must not be able to tell it from
one-hot inputs through `nn.RNN`, in values, in gradients, or in what it may do to the state.
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from autograder.probes_text import LanguageModel

V, H, B, T = 28, 32, 16, 16
# float32 sums of about H terms of size 1 per step, carried through T steps
TOLERANCE = 64 * T * torch.finfo(torch.float32).eps


def _pair(seed: int = 3) -> tuple[LanguageModel, LanguageModel]:
    """The fast model, and the same weights always through the layer itself."""
    fast, plain = LanguageModel(V, H, seed=seed), LanguageModel(V, H, seed=seed)
    plain._plain_tanh_rnn = lambda *_: False
    return fast, plain


def _run(model: LanguageModel, X: torch.Tensor, state, out_grad, state_grad):
    outputs, last = model(X, state)
    ((outputs * out_grad).sum() + (last * state_grad).sum()).backward()
    grads = {k: p.grad.clone() for k, p in model.named_parameters()}
    model.zero_grad()
    return outputs, last, grads


@pytest.mark.parametrize("with_state", [False, True], ids=["no state", "a state"])
def test_values_and_gradients_match_the_layer(with_state):
    fast, plain = _pair()
    torch.manual_seed(0)
    X = torch.randint(0, V, (B, T))
    out_grad, state_grad = torch.randn(T * B, V), torch.randn(1, B, H)
    H0 = torch.randn(1, B, H, requires_grad=True) if with_state else None
    results = []
    for model in (fast, plain):
        outputs, last, grads = _run(model, X, H0, out_grad, state_grad)
        results.append((outputs, last, grads, None if H0 is None else H0.grad.clone()))
        if H0 is not None:
            H0.grad = None
    (o1, s1, g1, h1), (o2, s2, g2, h2) = results
    assert (o1 - o2).abs().max() <= TOLERANCE
    assert (s1 - s2).abs().max() <= TOLERANCE
    for name in g2:
        scale = 1 + g2[name].abs().max()
        assert (g1[name] - g2[name]).abs().max() <= TOLERANCE * scale, name
    if with_state:
        assert (h1 - h2).abs().max() <= TOLERANCE * (1 + h2.abs().max())


def test_the_state_is_its_own_tensor():
    """nn.RNN's final state is no view of the outputs: a loop may detach_() it in place."""
    fast, _ = _pair()
    _, state = fast(torch.randint(0, V, (B, T)), fast.begin_state(B))
    assert state._base is None
    state.detach_()
    assert not state.requires_grad


def test_a_state_kept_across_batches_fails_as_with_the_layer():
    """Not detaching the state: the second backward runs into the freed first graph."""
    for model in _pair():
        state = model.begin_state(B)
        with pytest.raises(RuntimeError, match="second time"):
            for _ in range(2):
                outputs, state = model(torch.randint(0, V, (B, T)), state)
                outputs.sum().backward()


def test_anything_else_goes_through_the_layer():
    """A replaced layer, or a state the layer would refuse, is the layer's own business."""
    fast, _ = _pair()
    X = torch.randint(0, V, (B, T))
    with pytest.raises(RuntimeError):
        fast(X, torch.zeros(1, B + 1, H))  # nn.RNN's own error for a state of the wrong size
    fast.rnn = nn.GRU(V, H)
    outputs, state = fast(X)
    assert outputs.shape == (T * B, V) and state.shape == (1, B, H)
