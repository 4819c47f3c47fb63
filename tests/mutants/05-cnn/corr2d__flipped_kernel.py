# Mistake: flips the kernel first, which computes a true convolution, not a cross-correlation.
# Expect: flipped
def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K."""
    k_h, k_w = K.shape
    K = torch.flip(K, dims=(0, 1))
    Y = torch.zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + k_h, j:j + k_w] * K).sum()
    return Y
