"""Reference solutions for 08-rnn.

Generated from source/08-rnn/08-rnn.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


import collections
import math
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm.auto import tqdm

torch.manual_seed(0)
random.seed(0)
device = torch.device("cpu")


def tokenize(lines, token="word"):
    """Each line as a list of word tokens (line.split()) or of characters (list(line))."""
    if token == "word":
        return [line.split() for line in lines]
    if token == "char":
        return [list(line) for line in lines]
    raise ValueError(f"unknown token type {token!r}: use 'word' or 'char'")


def count_corpus(tokens):
    """A collections.Counter of a flat list of tokens or of a list of lines of tokens."""
    if tokens and isinstance(tokens[0], list):
        tokens = [token for line in tokens for token in line]
    return collections.Counter(tokens)


class Vocab:
    """Token <-> index: '<unk>' at 0, then the reserved tokens, then by count (ties: first seen)."""

    def __init__(self, tokens=None, min_freq=0, reserved_tokens=None):
        counter = count_corpus(tokens if tokens is not None else [])
        self.token_freqs = sorted(counter.items(), key=lambda pair: pair[1], reverse=True)
        self.idx_to_token = ["<unk>"]
        for token in list(reserved_tokens or []) + [
                token for token, freq in self.token_freqs if freq >= min_freq]:
            if token not in self.idx_to_token:
                self.idx_to_token.append(token)
        self.token_to_idx = {token: idx for idx, token in enumerate(self.idx_to_token)}
        self.unk = 0

    def __len__(self):
        return len(self.idx_to_token)

    def __getitem__(self, tokens):
        if not isinstance(tokens, (list, tuple)):
            return self.token_to_idx.get(tokens, self.unk)
        return [self[token] for token in tokens]

    def to_tokens(self, indices):
        if not isinstance(indices, (list, tuple)):
            return self.idx_to_token[indices]
        return [self.idx_to_token[index] for index in indices]


def seq_data_iter_random(corpus, batch_size, num_steps):
    """Minibatches of random, non-overlapping subsequences; Y is X shifted by one."""
    corpus = corpus[random.randint(0, num_steps - 1):]
    num_subseqs = (len(corpus) - 1) // num_steps
    initial_indices = list(range(0, num_subseqs * num_steps, num_steps))
    random.shuffle(initial_indices)
    for i in range(0, num_subseqs // batch_size * batch_size, batch_size):
        starts = initial_indices[i:i + batch_size]
        yield (torch.tensor([corpus[j:j + num_steps] for j in starts]),
               torch.tensor([corpus[j + 1:j + 1 + num_steps] for j in starts]))


def seq_data_iter_sequential(corpus, batch_size, num_steps):
    """Minibatches whose row i continues row i of the batch before; Y is X shifted by one."""
    offset = random.randint(0, num_steps)
    num_tokens = max(0, (len(corpus) - offset - 1) // batch_size * batch_size)
    Xs = torch.tensor(corpus[offset:offset + num_tokens]).reshape(batch_size, -1)
    Ys = torch.tensor(corpus[offset + 1:offset + 1 + num_tokens]).reshape(batch_size, -1)
    for i in range(0, Xs.shape[1] // num_steps * num_steps, num_steps):
        yield Xs[:, i:i + num_steps], Ys[:, i:i + num_steps]


class SeqDataLoader:
    """Iterable minibatches of a corpus: each `for X, Y in loader` is a new pass (epoch)."""

    def __init__(self, corpus, batch_size, num_steps, use_random_iter=False):
        self.corpus, self.batch_size, self.num_steps = corpus, batch_size, num_steps
        self.sampler = seq_data_iter_random if use_random_iter else seq_data_iter_sequential

    def __iter__(self):
        return self.sampler(self.corpus, self.batch_size, self.num_steps)


def get_rnn_params(vocab_size: int, num_hiddens: int, device: torch.device) -> list:
    """[W_xh, W_hh, b_h, W_hq, b_q] of an RNN whose inputs and outputs are vocab_size long.

    Shapes (V, h), (h, h), (h,), (h, V), (V,) with V = vocab_size, h = num_hiddens; the weights
    ~ N(0, 0.01^2), the biases zeros; leaf tensors on device with requires_grad=True.
    """
    num_inputs = num_outputs = vocab_size

    def normal(shape):
        return torch.randn(size=shape, device=device) * 0.01

    W_xh = normal((num_inputs, num_hiddens))    # reads the input
    W_hh = normal((num_hiddens, num_hiddens))   # reads the previous hidden state
    b_h = torch.zeros(num_hiddens, device=device)
    W_hq = normal((num_hiddens, num_outputs))   # hidden state -> output scores
    b_q = torch.zeros(num_outputs, device=device)
    params = [W_xh, W_hh, b_h, W_hq, b_q]
    for param in params:
        param.requires_grad_(True)              # still leaves: created, then marked
    return params


def init_rnn_state(batch_size: int, num_hiddens: int, device: torch.device) -> tuple:
    """The hidden state before the first step: (H,), H zeros of shape (batch_size, num_hiddens)."""
    return (torch.zeros((batch_size, num_hiddens), device=device),)


def rnn(inputs: torch.Tensor, state: tuple, params: list) -> tuple:
    """The RNN loop: H = tanh(X W_xh + H W_hh + b_h), Y = H W_hq + b_q at every step.

    inputs: (num_steps, batch_size, vocab_size); state: (H,) with H (batch_size, num_hiddens);
    params: [W_xh, W_hh, b_h, W_hq, b_q].
    Returns (outputs, (H,)): outputs (num_steps * batch_size, vocab_size), the Y of every
    step concatenated on dim 0, and the state after the last step.
    """
    W_xh, W_hh, b_h, W_hq, b_q = params
    H, = state
    outputs = []
    for X in inputs:                                   # X: (batch_size, vocab_size)
        H = torch.tanh(X @ W_xh + H @ W_hh + b_h)      # (batch_size, num_hiddens)
        Y = H @ W_hq + b_q                             # (batch_size, vocab_size)
        outputs.append(Y)
    return torch.cat(outputs, dim=0), (H,)


class RNNModelScratch(nn.Module):
    """The from-scratch RNN as an nn.Module: one-hot inputs, then your rnn on your params."""

    def __init__(self, vocab_size, num_hiddens, device):
        super().__init__()
        self.vocab_size, self.num_hiddens = vocab_size, num_hiddens
        self.params = nn.ParameterList(get_rnn_params(vocab_size, num_hiddens, device))

    def forward(self, inputs, state):
        X = F.one_hot(inputs.T, self.vocab_size).type(torch.float32)  # (steps, batch, vocab)
        return rnn(X, state, list(self.params))

    def begin_state(self, batch_size, device):
        return init_rnn_state(batch_size, self.num_hiddens, device)


def predict(prefix, num_preds, net, vocab, device):
    """prefix followed by num_preds characters, each the most likely one after the text so far."""
    state = net.begin_state(batch_size=1, device=device)
    outputs = [vocab[prefix[0]]]
    with torch.no_grad():
        for char in prefix[1:]:                        # warm-up: read the prefix
            _, state = net(torch.tensor([[outputs[-1]]], device=device), state)
            outputs.append(vocab[char])
        for _ in range(num_preds):                     # predict, feed the prediction back
            y, state = net(torch.tensor([[outputs[-1]]], device=device), state)
            outputs.append(int(y.argmax(dim=1).reshape(1)))
    return "".join(vocab.to_tokens(outputs))


def grad_clipping(params, theta: float) -> float:
    """Scale all gradients in place by theta / norm if their global L2 norm exceeds theta.

    params: an nn.Module or an iterable of tensors (a list or a generator); parameters
    without a gradient are skipped. Returns the norm before clipping, a Python float.
    """
    if isinstance(params, nn.Module):
        params = params.parameters()
    grads = [p.grad for p in params if p.grad is not None]   # a list: read the params once
    norm = math.sqrt(sum(float((g.detach() ** 2).sum()) for g in grads))
    if norm > theta:
        with torch.no_grad():
            for g in grads:
                g.mul_(theta / norm)                         # in place: same tensors
    return norm


def perplexity(total_loss: float, num_tokens: int) -> float:
    """exp(total_loss / num_tokens): the exponential of the mean cross-entropy per token."""
    return math.exp(total_loss / num_tokens)


class RNNModel(nn.Module):
    """A language model around a recurrent layer: one-hot in, rnn, a linear layer out.

    rnn_layer: a one-directional nn.RNN, nn.GRU or nn.LSTM with input_size vocab_size
    (batch_first=False), stored as self.rnn; self.linear maps hidden_size -> vocab_size.
    """

    def __init__(self, rnn_layer: nn.Module, vocab_size: int) -> None:
        super().__init__()
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.num_hiddens = rnn_layer.hidden_size
        self.linear = nn.Linear(self.num_hiddens, vocab_size)

    def forward(self, inputs: torch.Tensor, state=None) -> tuple:
        """inputs: (batch_size, num_steps) indices. Returns (outputs, state), outputs of
        shape (num_steps * batch_size, vocab_size); state=None starts from zeros."""
        X = F.one_hot(inputs.T.long(), self.vocab_size).to(self.linear.weight.dtype)
        Y, state = self.rnn(X, state)                     # (num_steps, batch, hidden)
        outputs = self.linear(Y.reshape(-1, Y.shape[-1]))  # (num_steps * batch, vocab)
        return outputs, state

    def begin_state(self, batch_size: int = 1, device: torch.device | None = None):
        """The zero state: (num_layers, batch_size, hidden_size), a pair of them for an LSTM."""
        shape = (self.rnn.num_layers, batch_size, self.num_hiddens)
        if isinstance(self.rnn, nn.LSTM):
            return (torch.zeros(shape, device=device), torch.zeros(shape, device=device))
        return torch.zeros(shape, device=device)


def train_char_lm(net: nn.Module, train_iter, vocab, lr: float, num_epochs: int,
                  device: torch.device, use_random_iter: bool = False) -> float:
    """Train a character language model in place with SGD, clipping gradients at theta = 1.

    net: a model with net(X, state) -> (y_hat, state) and net.begin_state(batch_size, device);
    train_iter: an iterable of (X, Y) of shape (batch_size, num_steps), a new pass each time.
    The state starts from begin_state at the first batch (at every batch when
    use_random_iter), and is otherwise carried on, detached. Returns the last epoch's
    perplexity, a Python float.
    """
    loss = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr)
    ppl = float("nan")
    for _ in tqdm(range(num_epochs), desc="epochs", leave=False, disable=num_epochs < 2):
        state, total_loss, num_tokens = None, 0.0, 0
        for X, Y in train_iter:
            if state is None or use_random_iter:
                state = net.begin_state(batch_size=X.shape[0], device=device)
            elif isinstance(state, tuple):            # the LSTM's (H, C), or the scratch (H,)
                state = tuple(s.detach() for s in state)
            else:
                state = state.detach()
            X, y = X.to(device), Y.T.reshape(-1).to(device)  # labels in time-first order
            y_hat, state = net(X, state)
            l = loss(y_hat, y.long())
            optimizer.zero_grad()
            l.backward()
            grad_clipping(net, 1)
            optimizer.step()
            total_loss += l.item() * y.numel()
            num_tokens += y.numel()
        ppl = perplexity(total_loss, num_tokens)
    return ppl
