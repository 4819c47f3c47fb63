# Alternative: w as a Python list, y summed feature by feature in a loop
import torch


def synthetic_data(
    w: torch.Tensor | list[float], b: float, num_examples: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Make a linear-regression data set: y = X @ w + b + noise."""
    weights = [float(v) for v in w]
    X = torch.randn(num_examples, len(weights))
    y = torch.full((num_examples, 1), float(b))
    for j, w_j in enumerate(weights):
        y = y + w_j * X[:, j:j + 1]  # one feature's column, kept (num_examples, 1)
    y = y + torch.randn(num_examples, 1) / 100
    return X, y
