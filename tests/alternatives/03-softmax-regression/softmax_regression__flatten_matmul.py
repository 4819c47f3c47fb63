# Alternative: each example flattened by X.flatten(start_dim=1), the product by torch.matmul
import torch


def softmax_regression(X: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The model: flatten each example, apply the linear layer, then softmax."""
    logits = torch.matmul(X.flatten(start_dim=1), W) + b
    return softmax(logits)  # noqa: F821 (the notebook's softmax)
