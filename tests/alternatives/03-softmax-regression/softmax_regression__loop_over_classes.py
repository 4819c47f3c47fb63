# Alternative: the logits built class by class in a loop, each a matrix-vector product
import torch


def softmax_regression(X: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The model: flatten each example, apply the linear layer, then softmax."""
    rows = X.reshape(X.shape[0], -1)  # (batch_size, num_inputs)
    logits = torch.stack([rows @ W[:, j] + b[j] for j in range(W.shape[1])], dim=1)
    return softmax(logits)  # noqa: F821 (the notebook's softmax)
