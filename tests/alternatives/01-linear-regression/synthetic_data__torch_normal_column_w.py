# Alternative: torch.normal for X and noise, w made a column so y is (n, 1) from the start
import torch


def synthetic_data(
    w: torch.Tensor | list[float], b: float, num_examples: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = torch.as_tensor(w).float().reshape(-1, 1)  # (num_inputs, 1)
    X = torch.normal(0.0, 1.0, size=(num_examples, len(w)))
    y = torch.matmul(X, w) + b  # (num_examples, 1)
    y += torch.normal(0.0, 0.01, size=y.shape)
    return X, y
