# Mistake: sums the window for 'avg' instead of taking its mean.
# Expect: 'avg'
# Expect: not sum
def pool2d(X, pool_size, mode="max"):
    """2-D max or average pooling with stride 1."""
    p_h, p_w = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            window = X[i:i + p_h, j:j + p_w]
            Y[i, j] = window.max() if mode == "max" else window.sum()
    return Y
