# Mistake: draws the features with torch.rand (uniform on [0, 1)) instead of a standard normal.
# Expect: uniform
def synthetic_data(w, b, num_examples):
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = torch.as_tensor(w, dtype=torch.float32)
    X = torch.rand(num_examples, len(w))
    y = X @ w + b
    y = y + torch.normal(0, 0.01, y.shape)
    return X, y.reshape(-1, 1)
