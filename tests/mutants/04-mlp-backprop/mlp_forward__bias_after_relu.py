# Mistake: adds b1 after the ReLU instead of before it.
# Expect: b1 before the ReLU
def mlp_forward(X, params):
    """Forward pass of the MLP."""
    W1, b1, W2, b2 = params
    Z = X @ W1
    H = relu(Z) + b1
    O = H @ W2 + b2
    return O, (X, Z + b1, H, W2)
