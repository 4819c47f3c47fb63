# Mistake: calls the tensor method X.softmax(dim=-1) instead of writing softmax.
# Expect: uses the library's own version
# Expect: softmax (line
def softmax(X):
    """Row-wise softmax."""
    return X.softmax(dim=-1)
