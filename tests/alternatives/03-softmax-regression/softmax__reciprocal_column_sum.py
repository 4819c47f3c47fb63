# Alternative: torch.max(...).values.unsqueeze, the row sum added column by column, times 1/sum
import torch


def softmax(X: torch.Tensor) -> torch.Tensor:
    """Softmax of every row of a 2-D tensor of logits, safe from overflow."""
    shifted = X - torch.max(X, dim=1).values.unsqueeze(1)
    X_exp = torch.exp(shifted)
    partition = torch.zeros_like(X_exp[:, :1])
    for j in range(X_exp.shape[1]):  # another order of summation than .sum()
        partition = partition + X_exp[:, j:j + 1]
    return X_exp * partition.reciprocal()
