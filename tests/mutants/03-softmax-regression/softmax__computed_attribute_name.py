# Mistake: calls the library's softmax through a name built at run time, getattr(torch, "soft" + "max"), so no scan can read it.
# Expect: cannot verify that softmax is written by hand
# Expect: computed name
def softmax(X):
    """Softmax of every row of a 2-D tensor of logits, safe from overflow."""
    return getattr(torch, "soft" + "max")(X, dim=1)
