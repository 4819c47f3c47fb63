# Mistake: adds noise with standard deviation 0.1 instead of 0.01.
# Expect: standard deviation
# Expect: expected 0.01
def synthetic_data(w, b, num_examples):
    """Make a linear-regression data set: y = X @ w + b + noise."""
    w = torch.as_tensor(w, dtype=torch.float32)
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = X @ w + b
    y += torch.normal(0, 0.1, y.shape)
    return X, y.reshape((-1, 1))
