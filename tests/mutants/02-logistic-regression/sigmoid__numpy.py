# Mistake: computes sigmoid in numpy, so autograd gets no graph back to x.
# Expect: no gradient flows
import numpy as np


def sigmoid(x):
    """The logistic function, elementwise."""
    return torch.from_numpy(1 / (1 + np.exp(-x.detach().numpy())))
