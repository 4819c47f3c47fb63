# Alternative: exp(X - logsumexp(X)), the normaliser subtracted in log space
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    """Softmax of every row of a 2-D tensor of logits, safe from overflow."""
    return torch.exp(X - torch.logsumexp(X, dim=1, keepdim=True))
