# Mistake: uses Python's built-in max on a tensor, which asks whether the whole tensor is greater than 0.
# Expect: ambiguous
def relu(x):
    """max(x, 0) elementwise."""
    return max(x, 0)
