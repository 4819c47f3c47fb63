# Mistake: calls numpy's tanh (np.tanh), the library's version, on a copy of x.
# Expect: uses the library's own version
import numpy as np


def tanh(x):
    """The hyperbolic tangent, elementwise."""
    return torch.from_numpy(np.tanh(x.detach().numpy()))
