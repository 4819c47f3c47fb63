# Alternative: logits and softmax in float64, cast back to X's dtype at the end
import torch


def softmax_regression(X: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The model: flatten each example, apply the linear layer, then softmax."""
    logits = X.reshape(-1, W.shape[0]).double() @ W.double() + b.double()
    return softmax(logits).to(X.dtype)  # noqa: F821 (the notebook's softmax)
