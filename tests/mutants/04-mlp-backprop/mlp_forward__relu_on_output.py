# Mistake: applies the ReLU to the output layer too, so no score can be negative.
# Expect: no ReLU on the output
def mlp_forward(X, params):
    """Forward pass of the MLP."""
    W1, b1, W2, b2 = params
    Z = X @ W1 + b1
    H = relu(Z)
    O = relu(H @ W2 + b2)
    return O, (X, Z, H, W2)
