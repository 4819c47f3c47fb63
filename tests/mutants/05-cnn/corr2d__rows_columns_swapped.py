# Mistake: takes k_w rows and k_h columns for the window, which only works for square kernels.
# Expect: rows with k_h and columns with k_w
def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K."""
    k_h, k_w = K.shape
    Y = torch.zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + k_w, j:j + k_h] * K).sum()
    return Y
