# Mistake: exponentiates the logits without subtracting each row's max, so exp(1e4) overflows to inf and the result is nan.
# Expect: 1e4
# Expect: inf or nan
# Expect: row's own max
def softmax(X):
    """Row-wise softmax."""
    X_exp = torch.exp(X)
    partition = X_exp.sum(dim=1, keepdim=True)
    return X_exp / partition
