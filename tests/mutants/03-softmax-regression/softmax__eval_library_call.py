# Mistake: hides the library call in a string run by eval.
# Expect: cannot verify that softmax is written by hand
# Expect: eval(...)
def softmax(X):
    """Softmax of every row of a 2-D tensor of logits, safe from overflow."""
    return eval("torch." + "softmax")(X, dim=1)
