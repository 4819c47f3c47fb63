# Mistake: calls the library's softmax (torch.nn.functional.softmax) instead of writing it.
# Expect: uses the library's own version
import torch.nn.functional as F


def softmax(X):
    """Row-wise softmax."""
    return F.softmax(X, dim=1)
