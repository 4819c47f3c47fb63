# Mistake: returns only the output, not the pair (output, cache).
# Expect: expected a pair (output, cache)
def mlp_forward(X, params):
    """Forward pass of the MLP."""
    W1, b1, W2, b2 = params
    return relu(X @ W1 + b1) @ W2 + b2
