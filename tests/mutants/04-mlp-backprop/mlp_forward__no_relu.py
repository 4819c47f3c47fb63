# Mistake: forgets the ReLU, so the two layers collapse into one linear map.
# Expect: differs from the expected values
def mlp_forward(X, params):
    """Forward pass of the MLP."""
    W1, b1, W2, b2 = params
    Z = X @ W1 + b1
    H = Z
    O = H @ W2 + b2
    return O, (X, Z, H, W2)
