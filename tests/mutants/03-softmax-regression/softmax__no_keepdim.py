# Mistake: sums without keepdim=True, so (n, q) / (n,) broadcasts along the wrong axis (or fails).
# Expect: keepdim=True
def softmax(X):
    """Row-wise softmax."""
    X_exp = torch.exp(X - X.max(dim=1, keepdim=True).values)
    return X_exp / X_exp.sum(dim=1)
