# Mistake: multiplies the window and the kernel as matrices (@) instead of element by element.
# Expect: element-wise products
def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K."""
    k_h, k_w = K.shape
    Y = torch.zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + k_h, j:j + k_w] @ K).sum()
    return Y
