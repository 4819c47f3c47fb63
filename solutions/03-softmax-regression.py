"""Reference solutions for 03-softmax-regression.

Generated from source/03-softmax-regression/03-softmax-regression.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


from collections.abc import Callable, Iterable

import torch
import torch.nn as nn
from tqdm.auto import tqdm

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


def softmax(X: torch.Tensor) -> torch.Tensor:
    """Softmax of every row of a 2-D tensor of logits, safe from overflow.

    X: (n, q) logits. Returns (n, q) probabilities: positive, every row sums to 1.
    Subtracts each row's maximum before exponentiating; X itself is not changed.
    """
    X_max = X.max(dim=-1, keepdim=True).values   # (n, 1): the largest logit of each row
    X_exp = torch.exp(X - X_max)                 # (n, q): values in (0, 1], 1 at the max
    partition = X_exp.sum(dim=-1, keepdim=True)  # (n, 1): one normaliser per row, >= 1
    return X_exp / partition                     # (n, q) / (n, 1): each row by its own sum


def softmax_regression(X: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The model: flatten each example, apply the linear layer, then softmax.

    X: (batch_size, ...) with num_inputs values per example, e.g. images (batch_size, 1, h, w).
    W: (num_inputs, num_outputs); b: (num_outputs,).
    Returns y_hat = softmax(X @ W + b) of shape (batch_size, num_outputs), X flattened first.
    """
    X = X.reshape(-1, W.shape[0])  # (batch_size, num_inputs)
    return softmax(X @ W + b)      # (batch_size, num_outputs)


def cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Cross-entropy loss of every example, not reduced.

    y_hat: (n, q) predicted probabilities; y: (n,) int64 labels (class indices).
    Returns (n,): element i is -log(y_hat[i, y[i]]).
    """
    # fancy indexing: the probability each example gives to its true class, shape (n,)
    return -torch.log(y_hat[range(len(y_hat)), y])


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of rows of y_hat whose largest entry is at the label's index.

    y_hat: (n, q) probabilities or scores; y: (n,) int64 labels.
    Returns a Python float in [0, 1].
    """
    y_pred = y_hat.argmax(dim=1)                        # (n,) predicted classes
    num_correct = (y_pred.type(y.dtype) == y).sum().item()
    return num_correct / len(y)


def evaluate_accuracy(net: nn.Module | Callable[[torch.Tensor], torch.Tensor],
                      data_iter: Iterable) -> float:
    """Accuracy of net over all of data_iter, every example weighted equally.

    net: an nn.Module or a function mapping X (batch_size, ...) to (batch_size, q) scores.
    data_iter: iterable of (X, y) minibatches, y of shape (batch_size,); sizes may differ.
    Puts an nn.Module in eval mode and runs without recording gradients.
    Returns (number correct) / (number of examples), a Python float.
    """
    if isinstance(net, nn.Module):
        net.eval()  # evaluation mode, e.g. no dropout
    num_correct, num_examples = 0, 0
    with torch.no_grad():
        for X, y in data_iter:
            y_hat = net(X)  # (batch_size, q)
            num_correct += (y_hat.argmax(dim=1).type(y.dtype) == y).sum().item()
            num_examples += y.numel()
    return num_correct / num_examples


def sgd(params, lr, batch_size):
    """Minibatch SGD, in place: param -= lr * param.grad / batch_size, then zero the gradient."""
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def train_softmax_regression(train_iter: Iterable, num_inputs: int, num_outputs: int,
                             num_epochs: int, lr: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Train softmax regression from scratch with minibatch SGD; return (W, b).

    train_iter: iterable of (X, y) minibatches, X (batch_size, ...) with num_inputs values per
    example, y (batch_size,) int64 labels in [0, num_outputs).
    Starts from W ~ N(0, 0.01) of shape (num_inputs, num_outputs) and b = 0 of shape
    (num_outputs,). For every epoch and minibatch (X, y): the per-example losses from your
    softmax_regression and cross_entropy, backward on their sum, then the given sgd.
    """
    W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
    b = torch.zeros(num_outputs, requires_grad=True)
    for _epoch in tqdm(range(num_epochs), desc="epochs"):
        for X, y in train_iter:
            loss = cross_entropy(softmax_regression(X, W, b), y)  # (batch_size,)
            loss.sum().backward()
            sgd([W, b], lr, X.shape[0])
    return W, b
