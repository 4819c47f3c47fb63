# Alternative: y drawn in one call, torch.normal(mean=X @ w + b, std=0.01), then unsqueezed
import torch


def synthetic_data(
    w: torch.Tensor | list[float], b: float, num_examples: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = torch.as_tensor(w, dtype=torch.float32)
    X = torch.randn(num_examples, w.shape[0])
    y = torch.normal(mean=torch.mv(X, w) + b, std=0.01)  # (num_examples,)
    return X, y.unsqueeze(-1)
