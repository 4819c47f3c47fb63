# Alternative: everything drawn and computed in float64, cast to float32 at the end
import torch


def synthetic_data(
    w: torch.Tensor | list[float], b: float, num_examples: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = torch.as_tensor(w, dtype=torch.float64)
    X = torch.randn(num_examples, w.numel(), dtype=torch.float64)
    noise = 0.01 * torch.randn(num_examples, dtype=torch.float64)
    y = X @ w + b + noise
    return X.float(), y.float().unsqueeze(1)
