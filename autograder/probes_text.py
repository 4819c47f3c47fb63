"""Probes for the sequence assignments (07, 08): objects built inside the worker for checks.

Why the kit's own model, loader and vocabulary: `train_char_lm` is graded on a language
model the kit builds, so its grade depends on the training loop alone, not on the
student's `RNNModel`; the grader reads back only its weights. The model can be told what
the loop must do with the state (reset it for random batches, carry it through sequential
ones) and can magnify its gradients (so that a loop that does not clip them diverges);
misuse gives a model that predicts badly, which the grader then measures itself. The
other probes reach into what a call left behind: an element of a list, the gradients
that a backward pass through the student's `rnn` filled in, a generator of parameters.
"""

from __future__ import annotations

import collections
import random
from collections.abc import Iterator
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

from autograder.probes import seed_streams

__all__ = ["KINDS", "CharVocab", "GradModule", "LanguageModel", "TextLoader"]

_COUNTER = collections.Counter  # bound at import, before any student code can replace it


def pick(obj: Any, index: int | None = None, attr: str | None = None) -> Any:
    """`obj[index]` or `obj.attr`, kept in the worker (to inspect a tensor inside a list)."""
    return getattr(obj, attr) if attr is not None else obj[index]


def _tensors(value: Any) -> list[torch.Tensor]:
    """The plain tensors of a nested tuple or list, in order."""
    if type(value) in (torch.Tensor, nn.Parameter):
        return [value]
    if type(value) in (tuple, list):
        return [t for v in value for t in _tensors(v)]
    return []


def backward(result: Any, grads: list[torch.Tensor]) -> Any:
    """Backpropagate `grads` from the tensors of a kept result (such as `(outputs, (H,))`).

    Only tensors that are part of a graph take part, so a result computed outside autograd
    leaves the leaves' `.grad` empty, which the check then reports.
    """
    pairs = [(t, g) for t, g in zip(_tensors(result), grads, strict=False)
             if t.requires_grad and t.shape == g.shape]
    if pairs:
        torch.autograd.backward([t for t, _ in pairs], [g.to(t.dtype) for t, g in pairs])
    return result


def counter_contents(counter: Any) -> dict:
    """What a `count_corpus` result holds, read with dict's own methods: its overrides of
    `most_common` or `items` cannot change what the grader sees."""
    held = list(dict.items(counter)) if isinstance(counter, dict) else None
    return {"is_counter": isinstance(counter, _COUNTER), "items": held}


def call(fn: Any, args: list | None = None) -> Any:
    """`fn(*args)`, its result kept in the worker (to backpropagate through it, or look at it)."""
    return fn(*(args or []))


def devices(value: Any) -> list[str]:
    """The device of every tensor in a nested tuple or list (or of the one tensor)."""
    return [str(t.device) for t in _tensors(value)]


def parameter_grads(module: nn.Module) -> dict:
    """Each parameter's `.grad` by name (None where there is none), read through torch."""
    read = torch._C.TensorBase.grad.__get__
    return {name: read(p) for name, p in nn.Module.named_parameters(module)}


def keep_list(items: list) -> list:
    """A list kept in the worker, to see afterwards whether student code changed it."""
    return list(items)


def _packed(batches: list) -> dict:
    """A pass's batches for the trip back: stacked into two tensors when they are pairs of
    plain tensors of one shape and dtype (a thousand small tensors read back slowly), else
    as they are, for the grader to say what they were."""
    pairs = all(type(b) in (tuple, list) and len(b) == 2 and
                all(type(t) is torch.Tensor for t in b) for b in batches)
    if batches and pairs and len({(t.shape, t.dtype) for b in batches for t in b}) == 1:
        return {"X": torch.stack([b[0] for b in batches]),
                "Y": torch.stack([b[1] for b in batches])}
    return {"batches": list(batches)}


def sampler_passes(sampler: Any, corpus: list[int], batch_size: int, num_steps: int,
                   seeds: list[int], limit: int = 10000) -> list:
    """One pass of `sampler` per seed, `(packed batches, done)`: many seeds in one request.

    The samplers are judged over many seeds; drawing them here rather than one request
    each keeps a check to milliseconds. `done` is False if a pass did not stop by `limit`.
    """
    passes = []
    for seed in seeds:
        seed_streams(seed)
        batches, done = [], True
        for batch in sampler(list(corpus), batch_size, num_steps):
            batches.append(batch)
            if len(batches) == limit:
                done = False
                break
        passes.append((_packed(batches), done))
    return passes


def generator(items: list) -> Iterator:
    """A one-pass generator over `items`, as `model.parameters()` is."""
    yield from items


class GradModule(nn.Module):
    """Parameters `p0, p1, ...` with the given values and gradients (`None`: no gradient)."""

    def __init__(self, values: list[torch.Tensor], grads: list[torch.Tensor | None]) -> None:
        super().__init__()
        for i, (value, grad) in enumerate(zip(values, grads, strict=True)):
            param = nn.Parameter(value.clone())
            param.grad = None if grad is None else grad.clone()
            self.register_parameter(f"p{i}", param)


class CharVocab:
    """A vocabulary given by its token list: `len`, `vocab[token]`, `to_tokens`."""

    def __init__(self, idx_to_token: list[str]) -> None:
        self.idx_to_token = list(idx_to_token)
        self.token_to_idx = {token: i for i, token in enumerate(self.idx_to_token)}

    def __len__(self) -> int:
        return len(self.idx_to_token)

    def __getitem__(self, tokens: Any) -> Any:
        if isinstance(tokens, (list, tuple)):
            return [self[token] for token in tokens]
        return self.token_to_idx.get(tokens, 0)

    def to_tokens(self, indices: Any) -> Any:
        if isinstance(indices, (list, tuple)):
            return [self.idx_to_token[int(i)] for i in indices]
        return self.idx_to_token[int(indices)]

    @property
    def unk(self) -> int:
        return 0


class _Gain(torch.autograd.Function):
    """The identity forward; the gradient multiplied by `gain` backward."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, gain: float) -> torch.Tensor:
        ctx.gain = gain
        return x.view_as(x)

    @staticmethod
    def backward(ctx: Any, grad: torch.Tensor) -> tuple[torch.Tensor, None]:
        return grad * ctx.gain, None


class _TanhRecurrence(torch.autograd.Function):
    """One `nn.RNN` tanh layer on token indices, its backpropagation through time written out.

    The same values as `nn.RNN` on one-hot inputs (a one-hot row times `W_ih` is a column of
    it), but one autograd node for the whole sequence instead of several per step: the
    grader trains this model in every `train_char_lm` check, and on a CPU those runs are
    bound by the cost of each small operation, not by arithmetic. The final state is its
    own tensor, not a view of the outputs, as `nn.RNN`'s is (a loop may `detach_()` it).
    """

    @staticmethod
    def forward(ctx: Any, tokens: torch.Tensor, H0: torch.Tensor, W_ih: torch.Tensor,
                W_hh: torch.Tensor, b_ih: torch.Tensor,
                b_hh: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        inputs = W_ih.t()[tokens] + (b_ih + b_hh)                # (num_steps, batch, hidden)
        Hs = torch.empty_like(inputs)
        H, W = H0, W_hh.t()
        for step, out in zip(inputs.unbind(0), Hs.unbind(0), strict=True):
            H = torch.addmm(step, H, W, out=out).tanh_()
        ctx.save_for_backward(tokens, H0, W_ih, W_hh, Hs)
        return Hs, Hs[-1:].clone()

    @staticmethod
    def backward(ctx: Any, dHs: torch.Tensor, dH_last: torch.Tensor) -> tuple:
        tokens, H0, W_ih, W_hh, Hs = ctx.saved_tensors
        gate, dA = 1 - Hs * Hs, torch.empty_like(Hs)   # tanh' = 1 - tanh^2
        dH = dH_last[0]
        for d, g, a in zip(reversed(dHs.unbind(0)), reversed(gate.unbind(0)),
                           reversed(dA.unbind(0)), strict=True):
            torch.add(d, dH, out=a).mul_(g)
            dH = a @ W_hh
        flat = dA.reshape(-1, Hs.shape[-1])
        before = torch.cat([H0[None], Hs[:-1]]).reshape(-1, Hs.shape[-1])
        db = flat.sum(0)
        dW_ih = torch.zeros_like(W_ih.t()).index_add_(0, tokens.reshape(-1), flat).t()
        return None, dH, dW_ih, flat.t() @ before, db, db.clone()


_LAYERS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


def rnn_layer(layer_type: str, input_size: int, hidden_size: int, seed: int = 0) -> nn.Module:
    """A one-layer `nn.RNN`, `nn.GRU` or `nn.LSTM` (`layer_type` "rnn", "gru", "lstm"),
    initialised from `seed`."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return _LAYERS[layer_type](input_size, hidden_size)


def _is_zero(state: Any) -> bool:
    return state is None or all(not bool(t.detach().any()) for t in _tensors(state))


class LanguageModel(nn.Module):
    """The kit's character model, with the state_dict keys of the contract's `RNNModel`.

    `state_policy` says what the training loop must do with the state of a training batch
    (one of `batch_size` rows, while gradients are recorded): `"fresh"` (random batches:
    start every batch from zeros) or `"carried"` (sequential batches: only the first batch
    of an epoch may start from zeros; `TextLoader` says when an epoch starts). A batch that
    breaks the policy gets its logits rolled by one class, so the model learns to predict
    the wrong tokens. `gradient_gain` multiplies every gradient: clipped, training goes on
    as before; unclipped, the first step throws the weights far away.
    """

    def __init__(self, vocab_size: int, num_hiddens: int, layer_type: str = "rnn", seed: int = 0,
                 state_policy: str | None = None, batch_size: int | None = None,
                 gradient_gain: float = 1.0, output_bias: torch.Tensor | None = None) -> None:
        super().__init__()
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            self.rnn = _LAYERS[layer_type](vocab_size, num_hiddens)
            self.linear = nn.Linear(num_hiddens, vocab_size)
        if output_bias is not None:  # predictions far from uniform before any training
            with torch.no_grad():
                self.linear.bias.copy_(torch.as_tensor(output_bias))
        self.vocab_size, self.num_hiddens = vocab_size, num_hiddens
        self.state_policy, self.batch_size, self.gradient_gain = \
            state_policy, batch_size, gradient_gain
        self._epoch_start = True

    def new_epoch(self) -> None:
        self._epoch_start = True

    def _breaks_policy(self, inputs: torch.Tensor, state: Any) -> bool:
        if self.state_policy is None or not torch.is_grad_enabled() or \
                inputs.shape[0] != self.batch_size:
            return False
        fresh, epoch_start = _is_zero(state), self._epoch_start
        self._epoch_start = False
        return not fresh if self.state_policy == "fresh" else fresh and not epoch_start

    def forward(self, inputs: torch.Tensor, state: Any = None) -> tuple[torch.Tensor, Any]:
        broken = self._breaks_policy(inputs, state)
        if self._plain_tanh_rnn(inputs, state):
            rnn = self.rnn
            H0 = state[0] if state is not None else \
                torch.zeros(inputs.shape[0], self.num_hiddens, device=inputs.device)
            Y, state = _TanhRecurrence.apply(inputs.T.long(), H0, rnn.weight_ih_l0,
                                             rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)
        else:
            X = F.one_hot(inputs.T.long(), self.vocab_size).float()  # (steps, batch, vocab)
            Y, state = self.rnn(X, state)                            # (steps, batch, hidden)
        outputs = self.linear(Y.reshape(-1, Y.shape[-1]))        # (num_steps * batch, vocab)
        gain = -self.gradient_gain if broken else self.gradient_gain
        if gain != 1.0:
            outputs = _Gain.apply(outputs, gain)
        return outputs, state

    def _plain_tanh_rnn(self, inputs: torch.Tensor, state: Any) -> bool:
        """Is the layer still the one-layer tanh `nn.RNN` built here, given a state it takes?
        Anything else (a replaced layer, a state of another shape or dtype) goes through the
        layer itself, for its own result or its own error."""
        rnn = self.rnn
        if type(rnn) is not nn.RNN or (rnn.mode, rnn.num_layers, rnn.bias, rnn.batch_first,
                                        rnn.bidirectional, rnn.input_size, rnn.hidden_size) \
                != ("RNN_TANH", 1, True, False, False, self.vocab_size, self.num_hiddens):
            return False
        weight = rnn.weight_hh_l0
        if inputs.dim() != 2 or inputs.dtype.is_floating_point or \
                weight.dtype != torch.float32 or inputs.device != weight.device:
            return False
        return state is None or (type(state) in (torch.Tensor, nn.Parameter)
                                 and state.shape == (1, inputs.shape[0], self.num_hiddens)
                                 and state.dtype == weight.dtype
                                 and state.device == weight.device)

    def begin_state(self, batch_size: int = 1, device: Any = None) -> Any:
        zeros = torch.zeros((1, batch_size, self.num_hiddens), device=device)
        return (zeros, zeros.clone()) if isinstance(self.rnn, nn.LSTM) else zeros


class TextLoader:
    """Minibatches `(X, Y)` of a corpus, `(batch_size, num_steps)`, a new offset per epoch.

    Sequential partitioning, or random sampling with `use_random_iter=True`; drawn with its own
    generator from `seed`, so the batches do not depend on the student's random calls.
    Starting an epoch tells `model` (a `LanguageModel`) so, for its state policy. With
    `epoch_corpora`, epoch k reads the k-th of them (cycling) instead of `corpus`, so that
    the epochs of a run that does not learn still differ.
    """

    def __init__(self, corpus: torch.Tensor | list[int], batch_size: int, num_steps: int,
                 use_random_iter: bool = False, seed: int = 0,
                 model: LanguageModel | None = None,
                 epoch_corpora: list[torch.Tensor] | None = None) -> None:
        self.corpus = torch.as_tensor(corpus, dtype=torch.int64).clone()
        self._corpora = [torch.as_tensor(c, dtype=torch.int64).clone()
                         for c in epoch_corpora or [self.corpus]]
        self.batch_size, self.num_steps = batch_size, num_steps
        self.use_random_iter, self.model = use_random_iter, model
        self._rng = random.Random(seed)
        self._epochs = 0

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        if self.model is not None:
            self.model.new_epoch()
        corpus = self._corpora[self._epochs % len(self._corpora)]
        self._epochs += 1
        return self._random(corpus) if self.use_random_iter else self._sequential(corpus)

    def _random(self, corpus: torch.Tensor) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        T, B = self.num_steps, self.batch_size
        corpus = corpus[self._rng.randint(0, T - 1):]
        starts = list(range(0, (len(corpus) - 1) // T * T, T))
        self._rng.shuffle(starts)
        for i in range(0, len(starts) // B * B, B):
            rows = torch.tensor(starts[i:i + B])[:, None] + torch.arange(T)
            yield corpus[rows], corpus[rows + 1]

    def _sequential(self, corpus: torch.Tensor) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        T, B = self.num_steps, self.batch_size
        offset = self._rng.randint(0, T)
        n = max(0, (len(corpus) - offset - 1) // B * B)
        Xs = corpus[offset:offset + n].reshape(B, -1)
        Ys = corpus[offset + 1:offset + 1 + n].reshape(B, -1)
        for i in range(0, Xs.shape[1] // T * T, T):
            yield Xs[:, i:i + T], Ys[:, i:i + T]


KINDS = {
    "text_pick": pick,
    "text_call": call,
    "text_devices": devices,
    "text_parameter_grads": parameter_grads,
    "text_backward": backward,
    "text_counter": counter_contents,
    "text_list": keep_list,
    "text_sampler_passes": sampler_passes,
    "text_generator": generator,
    "text_grad_module": GradModule,
    "text_vocab": CharVocab,
    "text_rnn_layer": rnn_layer,
    "text_language_model": LanguageModel,
    "text_loader": TextLoader,
}
