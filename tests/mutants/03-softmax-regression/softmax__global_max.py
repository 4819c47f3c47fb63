# Mistake: subtracts the max of the whole batch (X.max()) instead of each row's max, so a row far below the batch max underflows to 0 / 0 = nan.
# Expect: nan
def softmax(X):
    """Row-wise softmax."""
    X_exp = torch.exp(X - X.max())
    return X_exp / X_exp.sum(dim=1, keepdim=True)
