# Mistake: divides by a detached row sum, so autograd misses the normalizer's part of the gradient.
# Expect: no .detach()
# Expect: the gradient of softmax(X)
def softmax(X):
    """Row-wise softmax."""
    X_exp = torch.exp(X - X.max(dim=1, keepdim=True).values)
    return X_exp / X_exp.sum(dim=1, keepdim=True).detach()
