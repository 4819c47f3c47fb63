# Mistake: draws X with numpy and converts with torch.from_numpy, so X and y are float64.
# Expect: dtype torch.float64
# Expect: float32
import numpy as np


def synthetic_data(w, b, num_examples):
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = np.asarray(w, dtype=np.float64)
    X = np.random.normal(0, 1, (num_examples, len(w)))
    y = X @ w + b + np.random.normal(0, 0.01, num_examples)
    return torch.from_numpy(X), torch.from_numpy(y).reshape(-1, 1)
