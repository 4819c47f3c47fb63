# Mistake: reaches the library's softmax through getattr with a built-up name, hoping the checker will not see it.
# Expect: uses the library's own version
# Expect: reached while running it
def softmax(X):
    """Row-wise softmax."""
    library_version = getattr(torch, "soft" + "max")
    return library_version(X, dim=1)
