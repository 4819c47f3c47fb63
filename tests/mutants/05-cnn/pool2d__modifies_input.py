# Mistake: pools in place, writing each result into X's own top-left corner, then returns that part of X.
# Expect: X after pool2d
def pool2d(X, pool_size, mode="max"):
    """2-D max or average pooling with stride 1."""
    p_h, p_w = pool_size
    n_h, n_w = X.shape[0] - p_h + 1, X.shape[1] - p_w + 1
    for i in range(n_h):
        for j in range(n_w):
            window = X[i:i + p_h, j:j + p_w]
            X[i, j] = window.max() if mode == "max" else window.mean()
    return X[:n_h, :n_w]
