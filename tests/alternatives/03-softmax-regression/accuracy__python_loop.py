# Alternative: a Python loop over the rows counting matches as ints
import torch


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of rows of y_hat whose largest entry is at the label's index."""
    correct = 0
    for row, label in zip(y_hat, y, strict=True):
        if int(row.argmax()) == int(label):
            correct += 1
    return correct / len(y)
