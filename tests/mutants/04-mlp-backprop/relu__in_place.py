# Mistake: zeroes the negatives of x in place (x[x < 0] = 0), changing the caller's tensor.
# Expect: x after calling relu(x)
def relu(x):
    """max(x, 0) elementwise."""
    x[x < 0] = 0
    return x
