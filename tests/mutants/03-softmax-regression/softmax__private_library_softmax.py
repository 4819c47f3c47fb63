# Mistake: calls torch._softmax, the library's softmax under its private name.
# Expect: uses the library's own version
# Expect: torch._softmax
def softmax(X):
    """Softmax of every row of a 2-D tensor of logits, safe from overflow."""
    return torch._softmax(X, 1, False)
