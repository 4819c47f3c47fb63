# Mistake: sizes the output n - k instead of n - k + 1, so the last row and column are missing.
# Expect: expected (2, 2)
# Expect: n_h - k_h + 1
def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K."""
    k_h, k_w = K.shape
    Y = torch.zeros((X.shape[0] - k_h, X.shape[1] - k_w))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + k_h, j:j + k_w] * K).sum()
    return Y
