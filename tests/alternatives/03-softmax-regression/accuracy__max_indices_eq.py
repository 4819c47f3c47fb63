# Alternative: torch.max(...).indices compared with eq, counted in float64, divided by numel
import torch


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of rows of y_hat whose largest entry is at the label's index."""
    predictions = torch.max(y_hat, dim=-1).indices
    return predictions.eq(y).double().sum().item() / y.numel()
