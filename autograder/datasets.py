"""Image data for the exercises: Fashion-MNIST when its files are here, bundled digits otherwise.

Why two sources: the courses teach softmax regression on Fashion-MNIST, which torchvision
downloads once; tests, CI and offline machines must never download anything, so they use
the 8x8 handwritten digits that ship inside scikit-learn. Both come back in the same shape
(`(n, 1, h, w)` float32 in `[0, 1]`, int64 labels), so a notebook switches with one word.

The grader's own test set (`grading_split`) is a split drawn with a seed the student's
code never sees, then perturbed, so that training on the public copy of the data pays less.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import torch

__all__ = [
    "FASHION_MNIST_LABELS",
    "ImageData",
    "data_root",
    "fashion_mnist_available",
    "grading_split",
    "grading_split28",
    "load_digits",
    "load_digits28",
    "load_fashion_mnist",
    "load_image_data",
    "load_mnist",
    "load_mnist_like",
    "mnist_available",
    "normalized",
]

FASHION_MNIST_LABELS = (
    "t-shirt", "trouser", "pullover", "dress", "coat",
    "sandal", "shirt", "sneaker", "bag", "ankle boot",
)


@dataclass(frozen=True)
class ImageData:
    """A labelled image set split in two, as tensors: images `(n, 1, h, w)`, labels `(n,)`."""

    name: str
    train_images: torch.Tensor
    train_labels: torch.Tensor
    test_images: torch.Tensor
    test_labels: torch.Tensor
    class_names: tuple[str, ...]

    @property
    def num_inputs(self) -> int:
        """Pixels per image, the length of a flattened example."""
        return int(self.train_images[0].numel())

    @property
    def num_outputs(self) -> int:
        return len(self.class_names)

    def __repr__(self) -> str:
        h, w = self.train_images.shape[-2:]
        return (f"ImageData({self.name!r}: {len(self.train_labels)} train, "
                f"{len(self.test_labels)} test, {h}x{w} pixels, {self.num_outputs} classes)")


def data_root() -> Path:
    """Where downloaded datasets live: `$AUTOGRADER_DATA`, else `~/.cache/autograder-data`."""
    return Path(os.environ.get("AUTOGRADER_DATA", Path.home() / ".cache" / "autograder-data"))


def fashion_mnist_available(root: Path | None = None) -> bool:
    """True when torchvision's Fashion-MNIST files are on disk (nothing is downloaded)."""
    raw = Path(root or data_root()) / "FashionMNIST" / "raw"
    return all((raw / f"{stem}-ubyte").exists() for stem in (
        "train-images-idx3", "train-labels-idx1", "t10k-images-idx3", "t10k-labels-idx1"))


def load_fashion_mnist(root: Path | None = None, *, download: bool = False) -> ImageData:
    """Fashion-MNIST through torchvision; `download=True` fetches it once (needs internet)."""
    from torchvision.datasets import FashionMNIST

    root = Path(root or data_root())
    if not download and not fashion_mnist_available(root):
        raise FileNotFoundError(
            f"Fashion-MNIST is not in {root}. Download it once with "
            "`python -m autograder.datasets download`, or use dataset='digits'.")
    parts = [FashionMNIST(str(root), train=train, download=download) for train in (True, False)]
    images = [p.data.unsqueeze(1).float() / 255 for p in parts]
    labels = [p.targets.long() for p in parts]
    return ImageData("fashion-mnist", images[0], labels[0], images[1], labels[1],
                     FASHION_MNIST_LABELS)


@functools.cache  # a class run splits it once per submission; callers index copies of it
def _digits() -> tuple[torch.Tensor, torch.Tensor]:
    from autograder.bundled import digits

    images, labels = digits()
    return (torch.tensor(images, dtype=torch.float32).unsqueeze(1) / 16,
            torch.tensor(labels, dtype=torch.int64))


def _split(images: torch.Tensor, labels: torch.Tensor, test_fraction: float,
           seed: int) -> tuple[torch.Tensor, ...]:
    order = torch.randperm(len(labels), generator=torch.Generator().manual_seed(seed))
    n_test = int(len(labels) * test_fraction)
    test, train = order[:n_test], order[n_test:]
    return images[train], labels[train], images[test], labels[test]


def load_digits(*, test_fraction: float = 0.25, seed: int = 0) -> ImageData:
    """scikit-learn's 1,797 bundled 8x8 digits, split with a fixed seed: works offline."""
    images, labels = _digits()
    parts = _split(images, labels, test_fraction, seed)
    return ImageData("digits", *parts, tuple(str(d) for d in range(10)))


def load_image_data(dataset: str = "auto", root: Path | None = None) -> ImageData:
    """`'fashion-mnist'`, `'digits'`, or `'auto'`: Fashion-MNIST if present, else digits."""
    if dataset == "auto":
        dataset = "fashion-mnist" if fashion_mnist_available(root) else "digits"
    if dataset == "fashion-mnist":
        return load_fashion_mnist(root)
    if dataset == "digits":
        return load_digits()
    raise ValueError(f"unknown dataset {dataset!r}: use 'auto', 'fashion-mnist' or 'digits'")


def grading_split(seed: int, *, test_fraction: float = 0.25,
                  noise: float = 0.05) -> ImageData:
    """The grader's digits split: drawn with its own seed, test images perturbed.

    The training half goes to the student's code; the test half never leaves the grader,
    and gets Gaussian pixel noise so that a model fitted to the public copy of the bundled
    data gains little over one trained honestly.
    """
    images, labels = _digits()
    train_x, train_y, test_x, test_y = _split(images, labels, test_fraction, seed)
    gen = torch.Generator().manual_seed(seed + 1)
    test_x = (test_x + noise * torch.randn(test_x.shape, generator=gen)).clamp(0, 1)
    return ImageData("digits (grader split)", train_x, train_y, test_x, test_y,
                     tuple(str(d) for d in range(10)))


# -- 28x28 digit images, for the convolutional networks (05, 06) -------------------------
# MNIST is what the courses' CNN is built for; offline, the bundled 8x8 digits upsampled to
# 28x28 stand in for it, so the same network (320 = 20 * 4 * 4 features) runs on either.

def mnist_available(root: Path | None = None) -> bool:
    """True when torchvision's MNIST files are on disk (nothing is downloaded)."""
    raw = Path(root or data_root()) / "MNIST" / "raw"
    return all((raw / f"{stem}-ubyte").exists() for stem in (
        "train-images-idx3", "train-labels-idx1", "t10k-images-idx3", "t10k-labels-idx1"))


def load_mnist(root: Path | None = None, *, download: bool = False) -> ImageData:
    """MNIST through torchvision; `download=True` fetches it once (needs internet)."""
    from torchvision.datasets import MNIST

    root = Path(root or data_root())
    if not download and not mnist_available(root):
        raise FileNotFoundError(
            f"MNIST is not in {root}. Download it once (with internet) with "
            "`python -c \"from autograder.datasets import load_mnist; "
            "load_mnist(download=True)\"`, or use dataset='digits28'.")
    parts = [MNIST(str(root), train=train, download=download) for train in (True, False)]
    images = [p.data.unsqueeze(1).float() / 255 for p in parts]
    labels = [p.targets.long() for p in parts]
    return ImageData("mnist", images[0], labels[0], images[1], labels[1],
                     tuple(str(d) for d in range(10)))


@functools.cache  # interpolated once per process; callers index copies of it
def _digits28() -> tuple[torch.Tensor, torch.Tensor]:
    from torch.nn.functional import interpolate

    images, labels = _digits()
    big = interpolate(images, size=(28, 28), mode="bilinear", align_corners=False)
    return big.clamp(0, 1), labels


def load_digits28(*, test_fraction: float = 0.25, seed: int = 0) -> ImageData:
    """The bundled digits upsampled (bilinear) to 28x28, MNIST's size: works offline."""
    images, labels = _digits28()
    parts = _split(images, labels, test_fraction, seed)
    return ImageData("digits28", *parts, tuple(str(d) for d in range(10)))


def load_mnist_like(dataset: str = "auto", root: Path | None = None) -> ImageData:
    """28x28 images: `'mnist'`, `'fashion-mnist'`, `'digits28'`, or `'auto'` (MNIST if
    present, else digits28). Nothing is downloaded."""
    if dataset == "auto":
        dataset = "mnist" if mnist_available(root) else "digits28"
    if dataset == "mnist":
        return load_mnist(root)
    if dataset == "fashion-mnist":
        return load_fashion_mnist(root)
    if dataset == "digits28":
        return load_digits28()
    raise ValueError(f"unknown dataset {dataset!r}: use 'auto', 'mnist', 'fashion-mnist' "
                     "or 'digits28'")


def normalized(data: ImageData) -> ImageData:
    """Both halves standardised with the TRAINING half's mean and standard deviation.

    As the courses normalise MNIST with (0.1307, 0.3081): inputs of mean 0 and standard
    deviation 1 make the first layer's default initialisation fit the data. The test half
    uses the training statistics too, as new data would.
    """
    mean, std = data.train_images.mean(), data.train_images.std()
    return ImageData(data.name, (data.train_images - mean) / std, data.train_labels,
                     (data.test_images - mean) / std, data.test_labels, data.class_names)


def _shifted(images: torch.Tensor, max_shift: int, gen: torch.Generator) -> torch.Tensor:
    """Each image moved by its own random offset of up to `max_shift` pixels, zero-filled."""
    from torch.nn.functional import pad

    h, w = images.shape[-2:]
    padded = pad(images, (max_shift,) * 4)
    offsets = torch.randint(0, 2 * max_shift + 1, (len(images), 2), generator=gen)
    return torch.stack([padded[i, :, dy:dy + h, dx:dx + w]
                        for i, (dy, dx) in enumerate(offsets.tolist())])


def grading_split28(seed: int, *, test_fraction: float = 0.25, noise: float = 0.05,
                    max_shift: int = 1) -> ImageData:
    """The grader's split of the 28x28 digits: its own seed, test images perturbed.

    As `grading_split`: the training half goes to the student's code; the test half never
    leaves the grader, and each of its images is shifted by up to `max_shift` pixels and
    gets Gaussian pixel noise, drawn with a seed the worker never sees, so that a model
    fitted to the public copy of the bundled digits gains little.
    """
    images, labels = _digits28()
    train_x, train_y, test_x, test_y = _split(images, labels, test_fraction, seed)
    gen = torch.Generator().manual_seed(seed + 1)
    test_x = _shifted(test_x, max_shift, gen)
    test_x = (test_x + noise * torch.randn(test_x.shape, generator=gen)).clamp(0, 1)
    return ImageData("digits28 (grader split)", train_x, train_y, test_x, test_y,
                     tuple(str(d) for d in range(10)))


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["download"]:
        print(load_fashion_mnist(download=True))
    else:
        print("usage: python -m autograder.datasets download   "
              f"(fetches Fashion-MNIST into {data_root()})")
