"""Probes for 02-logistic-regression and 04-mlp-backprop, built inside the worker.

Why these: the checks of `CSVDataset` need a file the student's code can open, and the
worker cannot see the grader's files, so the file is written in the worker's own scratch
folder; and a dataset is read as Python and a `DataLoader` read it (`len`, `[i]`), not
through its methods. The checks of `mlp_backward` must hand it the cache of the same submission's
`mlp_forward` without that cache ever leaving the worker, and must call the pair under
`torch.no_grad()`, which only code running in the worker can switch on. `dropout_layer`
must draw a fresh mask on every call, and only calls made within one request (which seeds
the random streams once) can show it. Like every probe, these report no verdict: they
return what the student's code returned, and the grader judges it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from torch.utils.data import DataLoader

__all__ = ["KINDS", "DatasetView", "csv_file", "forward_cache", "pair_without_grad", "repeated"]

_FOLDER = "autograder-csv-probes"


def csv_file(name: str, text: str | None) -> Path:
    """A file `name` in the worker's scratch folder holding `text` (none for None).

    The folder's name has no digits, so a line number in an error message can be told
    apart from the path. The grader reads the path back with `__fspath__`.
    """
    folder = Path(tempfile.gettempdir()) / _FOLDER
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.unlink(missing_ok=True)
    if text is not None:
        path.write_text(text)
    return path


class DatasetView:
    """A `Dataset` used the way Python and a `DataLoader` use one: `len(...)`, `[i]`, batches.

    Calling `dataset.__len__` directly from the grader would refuse a length that `len()`
    accepts (a numpy integer), so the view calls the builtins, as a training loop does.
    """

    def __init__(self, dataset: Any) -> None:
        self.dataset = dataset

    def length(self) -> int:
        return len(self.dataset)

    def item(self, index: int) -> Any:
        return self.dataset[index]

    def items(self, limit: int) -> list:
        """Every example in order (at most `limit`), as a loop over `range(len(...))` reads them."""
        return [self.dataset[i] for i in range(min(len(self.dataset), limit))]

    def batches(self, batch_size: int) -> list:
        """The minibatches of an unshuffled `DataLoader` over the dataset."""
        return list(DataLoader(self.dataset, batch_size=batch_size))


def forward_cache(result: Any) -> Any:
    """The cache half of what `mlp_forward` returned, to be kept in the worker by handle."""
    return result[1]


def pair_without_grad(forward: Callable, backward: Callable) -> Callable:
    """`(X, params, dout) -> backward(dout, forward(X, params)[1])`, all under no_grad."""
    def run(X: torch.Tensor, params: Any, dout: torch.Tensor) -> Any:
        with torch.no_grad():
            _, cache = forward(X, params)
            return backward(dout, cache)
    return run


def repeated(function: Callable, times: int) -> Callable:
    """`(*args) -> [function(*args) for each of times]`: consecutive calls in one request."""
    def run(*args: Any) -> list:
        return [function(*args) for _ in range(times)]
    return run


KINDS = {"tabular_csv_file": csv_file, "tabular_view": DatasetView,
         "mlp_forward_cache": forward_cache,
         "mlp_pair_without_grad": pair_without_grad, "mlp_repeated": repeated}
