# Mistake: subtracts X.max(dim=1, keepdim=True) itself, a (values, indices) pair, instead of its .values.
# Expect: torch.return_types.max
def softmax(X):
    """Row-wise softmax."""
    X_exp = torch.exp(X - X.max(dim=1, keepdim=True))
    return X_exp / X_exp.sum(dim=1, keepdim=True)
