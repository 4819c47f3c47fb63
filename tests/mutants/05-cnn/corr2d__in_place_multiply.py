# Mistake: multiplies the window in place (mul_, "to save memory"), which writes into X itself through the slice.
# Expect: X after corr2d(X, K)
def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K."""
    k_h, k_w = K.shape
    Y = torch.zeros((X.shape[0] - k_h + 1, X.shape[1] - k_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = X[i:i + k_h, j:j + k_w].mul_(K).sum()
    return Y
