# Mistake: uses w directly in X @ w, which fails when w is given as a Python list.
# Expect: w may be a list
def synthetic_data(w, b, num_examples):
    """Make a linear-regression data set: y = X @ w + b + noise."""
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = X @ w + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))
