"""Reference solutions for 02-logistic-regression.

Generated from source/02-logistic-regression/02-logistic-regression.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


from collections.abc import Iterable
from pathlib import Path

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset
from tqdm.auto import tqdm

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The logistic function 1 / (1 + exp(-x)), element by element.

    x: a tensor of any shape. Returns a new tensor of the same shape with values in [0, 1],
    finite for every finite x: exp(-x) may overflow to inf, and 1 / (1 + inf) is 0.
    """
    return 1 / (1 + torch.exp(-x))


def binary_cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy of probabilities y_hat against labels y (same shape).

    y_hat is clamped to [eps, 1 - eps] with eps = 1e-7, so that the loss stays finite when a
    probability is exactly 0 or 1. Returns a scalar tensor (shape ()).
    """
    eps = 1e-7
    y_hat = y_hat.clamp(eps, 1 - eps)  # a new tensor: the caller's y_hat is not changed
    losses = -(y * torch.log(y_hat) + (1 - y) * torch.log(1 - y_hat))  # one per element
    return losses.mean()


class CSVDataset(Dataset):
    """Examples from a CSV file of floats with no header; the label is the last column.

    len(dataset) is the number of rows; dataset[i] is (features (d,), label (1,)), both
    float32. A missing file raises FileNotFoundError; a ragged row raises ValueError naming
    the file and the line (counted from 1).
    """

    def __init__(self, path: str | Path) -> None:
        rows = []
        with open(path) as file:  # FileNotFoundError names the file
            for line_number, line in enumerate(file, start=1):
                values = line.strip().split(",")
                if rows and len(values) != len(rows[0]):
                    raise ValueError(f"{path}, line {line_number}: {len(values)} values, "
                                     f"expected {len(rows[0])} like the lines before")
                rows.append([float(value) for value in values])
        if not rows:
            raise ValueError(f"{path} has no rows")
        table = torch.tensor(rows, dtype=torch.float32)  # (num_rows, d + 1)
        self.features = table[:, :-1]  # (num_rows, d)
        self.labels = table[:, -1:]    # (num_rows, 1): a slice keeps the dimension

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.features[index], self.labels[index]


class LogisticRegression(nn.Module):
    """Logistic regression: one linear layer, then the sigmoid. Outputs (n, 1) probabilities."""

    def __init__(self, num_inputs: int) -> None:
        super().__init__()
        self.linear = nn.Linear(num_inputs, 1)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return sigmoid(self.linear(X))  # (n, num_inputs) -> (n, 1) scores -> probabilities


def train_logistic_regression(loader: Iterable, num_inputs: int, num_epochs: int,
                              lr: float) -> LogisticRegression:
    """Train a LogisticRegression with minibatch SGD on binary cross-entropy; return it.

    loader: iterable of (X, y) minibatches, X (batch_size, num_inputs), y (batch_size, 1)
    labels 0.0 or 1.0. For every epoch and minibatch: forward, loss, zero the gradients,
    backward, step of torch.optim.SGD with learning rate lr.
    """
    net = LogisticRegression(num_inputs)
    loss = nn.BCELoss()  # reduction="mean": the mean over the minibatch
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for _epoch in tqdm(range(num_epochs), desc="epochs", leave=False):
        for X, y in loader:
            l = loss(net(X), y)  # the courses' name for a minibatch's loss
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
    return net
