# Mistake: uses p_w for the rows and p_h for the columns, wrong for a window that is not square.
# Expect: expected (3, 4)
def pool2d(X, pool_size, mode="max"):
    """2-D max or average pooling with stride 1."""
    p_w, p_h = pool_size
    Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            window = X[i:i + p_h, j:j + p_w]
            Y[i, j] = window.max() if mode == "max" else window.mean()
    return Y
