# ruff: noqa
# Attack: ignore the grader's minibatches, train a model of its own on the public copy of the help texts through the vocabulary it is given, and copy those weights into net
# Cell: train_char_lm
# Expect: held-out perplexity
import torch
import torch.nn.functional as F
from torch import nn

from autograder.text_data import pydoc_lines


def train_char_lm(net, train_iter, vocab, lr, num_epochs, device, use_random_iter=False):
    """Wrong: never looks at train_iter; claims a perfect perplexity."""
    text = " ".join(line for line in pydoc_lines() if line)[:40000]
    corpus = torch.tensor([vocab[c] for c in text])
    own = type(net.rnn)(net.rnn.input_size, net.rnn.hidden_size)
    head = nn.Linear(net.rnn.hidden_size, net.linear.out_features)
    optimizer = torch.optim.Adam([*own.parameters(), *head.parameters()], lr=0.01)
    rows = corpus[: len(corpus) // 16 * 16].reshape(16, -1)
    for i in range(0, rows.shape[1] - 33, 32):
        X, Y = rows[:, i:i + 32], rows[:, i + 1:i + 33]
        hidden, _ = own(F.one_hot(X.T, net.linear.out_features).float())
        loss = F.cross_entropy(head(hidden.reshape(-1, hidden.shape[-1])), Y.T.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    net.rnn.load_state_dict(own.state_dict())
    net.linear.load_state_dict(head.state_dict())
    return 1.0
