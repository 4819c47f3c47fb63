# Mistake: returns y as a flat vector of shape (num_examples,) instead of a column (num_examples, 1).
# Expect: shape (1000,)
# Expect: (1000, 1)
def synthetic_data(w, b, num_examples):
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = torch.as_tensor(w, dtype=torch.float32)
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = X @ w + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y
