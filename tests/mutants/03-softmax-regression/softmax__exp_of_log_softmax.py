# Mistake: exponentiates the library's log_softmax, still the library's own version.
# Expect: uses the library's own version
# Expect: log_softmax
def softmax(X):
    """Row-wise softmax."""
    return torch.log_softmax(X, dim=1).exp()
