# Mistake: computes relu in numpy and returns the numpy array.
# Expect: expected a torch.Tensor
import numpy as np


def relu(x):
    """max(x, 0) elementwise."""
    return np.maximum(x.numpy(), 0)
