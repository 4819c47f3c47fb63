# Mistake: normalizes over dim 0 (each column) instead of each row.
# Expect: row sums
# Expect: dim 1
def softmax(X):
    """Row-wise softmax."""
    X_exp = torch.exp(X - X.max(dim=0, keepdim=True).values)
    return X_exp / X_exp.sum(dim=0, keepdim=True)
