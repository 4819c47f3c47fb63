"""Tabular data for 02-logistic-regression: breast-cancer records, or the courses' diabetes CSV.

Why this module: the courses train logistic regression on a diabetes CSV (eight scaled
measurements per patient, the label last) that has to be fetched by hand; tests, CI and
offline machines must never download anything, so the kit uses the breast-cancer records
that ship inside scikit-learn (569 tumours, 30 measurements, malignant or benign). Either
comes back in the same form: float32 features standardised with the training half's
statistics, float32 labels of shape `(n, 1)`, so a notebook switches with one word.

The grader's own split (`grading_split`) is drawn with a seed from the manifest; its
training half goes to the student's code, its held-out half never leaves the grader and is
perturbed with noise drawn from a generator the worker never sees, so that fitting the
public copy of the records pays less than training honestly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from autograder.datasets import data_root

__all__ = ["TabularData", "diabetes_available", "diabetes_path", "grading_split",
           "load_breast_cancer", "load_tabular_data", "standardize"]


@dataclass(frozen=True)
class TabularData:
    """Records split in two: features `(n, d)` float32, labels `(n, 1)` float32 in {0, 1}."""

    name: str
    train_features: torch.Tensor
    train_labels: torch.Tensor
    test_features: torch.Tensor
    test_labels: torch.Tensor
    feature_names: tuple[str, ...]
    class_names: tuple[str, str]

    @property
    def num_inputs(self) -> int:
        """Features per record: the `num_inputs` of the model."""
        return int(self.train_features.shape[1])

    def __repr__(self) -> str:
        positive = self.train_labels.mean().item()
        return (f"TabularData({self.name!r}: {len(self.train_labels)} train, "
                f"{len(self.test_labels)} test, {self.num_inputs} features, "
                f"{positive:.0%} of the training labels are 1 = {self.class_names[1]})")


def diabetes_path(root: Path | None = None) -> Path:
    """Where the courses' `diabetes.csv` is looked for: the kit's data folder."""
    return Path(root or data_root()) / "diabetes.csv"


def diabetes_available(root: Path | None = None) -> bool:
    """True when someone has put the courses' diabetes CSV in the data folder."""
    return diabetes_path(root).exists()


@functools.cache  # read once per process; callers index copies of it
def load_breast_cancer() -> tuple[torch.Tensor, torch.Tensor, tuple[str, ...]]:
    """scikit-learn's bundled breast-cancer records: features (569, 30), labels (569, 1).

    The label is 1 for a malignant tumour and 0 for a benign one (scikit-learn codes them
    the other way round), so the model's output is the probability of cancer.
    """
    from autograder.bundled import BREAST_CANCER_FEATURES, breast_cancer

    data, target = breast_cancer()
    features = torch.tensor(data, dtype=torch.float32)
    labels = torch.tensor(1 - target, dtype=torch.float32).reshape(-1, 1)
    return features, labels, BREAST_CANCER_FEATURES


def _diabetes(path: Path) -> tuple[torch.Tensor, torch.Tensor, tuple[str, ...]]:
    """The courses' diabetes CSV: comma-separated floats, no header, the label last."""
    table = torch.from_numpy(np.loadtxt(path, delimiter=",", dtype=np.float32, ndmin=2))
    names = tuple(f"x{i}" for i in range(table.shape[1] - 1))
    return table[:, :-1], table[:, -1:], names


def standardize(train: torch.Tensor, test: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Both halves shifted and scaled by the TRAINING half's mean and standard deviation.

    The test half must not take part in computing them: it stands for data not seen yet.
    """
    mean, std = train.mean(dim=0), train.std(dim=0).clamp(min=1e-8)
    return (train - mean) / std, (test - mean) / std


def _split(features: torch.Tensor, labels: torch.Tensor, test_fraction: float,
           seed: int) -> tuple[torch.Tensor, ...]:
    order = torch.randperm(len(labels), generator=torch.Generator().manual_seed(seed))
    n_test = int(len(labels) * test_fraction)
    test, train = order[:n_test], order[n_test:]
    train_x, test_x = standardize(features[train], features[test])
    return train_x, labels[train].clone(), test_x, labels[test].clone()


def load_tabular_data(dataset: str = "auto", *, test_fraction: float = 0.5, seed: int = 0,
                      root: Path | None = None) -> TabularData:
    """`'breast-cancer'`, `'diabetes'`, or `'auto'`: the diabetes CSV if present, else the
    breast-cancer records."""
    if dataset == "auto":
        dataset = "diabetes" if diabetes_available(root) else "breast-cancer"
    if dataset == "breast-cancer":
        features, labels, names = load_breast_cancer()
        classes = ("benign", "malignant")
    elif dataset == "diabetes":
        path = diabetes_path(root)
        if not path.exists():
            raise FileNotFoundError(f"the diabetes CSV is not at {path}: put the courses' "
                                    "diabetes.csv there, or use dataset='breast-cancer'")
        features, labels, names = _diabetes(path)
        classes = ("0", "1")
    else:
        raise ValueError(f"unknown dataset {dataset!r}: use 'auto', 'breast-cancer' or "
                         "'diabetes'")
    parts = _split(features, labels, test_fraction, seed)
    return TabularData(dataset, *parts, names, classes)


def grading_split(seed: int, *, test_fraction: float = 0.5,
                  noise: float = 0.1) -> TabularData:
    """The grader's breast-cancer split: its own seed, held-out features perturbed.

    The training half goes to the student's code; the held-out half never leaves the
    grader, and gets Gaussian noise (in standardised units) from a generator seeded apart
    from the split, so a model fitted to the public records gains little.
    """
    features, labels, names = load_breast_cancer()
    train_x, train_y, test_x, test_y = _split(features, labels, test_fraction, seed)
    gen = torch.Generator().manual_seed(seed + 1)
    test_x = test_x + noise * torch.randn(test_x.shape, generator=gen)
    return TabularData("breast-cancer (grader split)", train_x, train_y, test_x, test_y,
                       names, ("benign", "malignant"))
