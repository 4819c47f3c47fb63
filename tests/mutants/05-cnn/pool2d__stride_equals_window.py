# Mistake: moves the window by its own size (stride p_h, p_w, as nn.MaxPool2d does) instead of by 1.
# Expect: expected (2, 2)
# Expect: Stride 1
def pool2d(X, pool_size, mode="max"):
    """2-D max or average pooling with stride 1."""
    p_h, p_w = pool_size
    rows = range(0, X.shape[0] - p_h + 1, p_h)
    cols = range(0, X.shape[1] - p_w + 1, p_w)
    Y = torch.zeros((len(rows), len(cols)))
    for a, i in enumerate(rows):
        for b, j in enumerate(cols):
            window = X[i:i + p_h, j:j + p_w]
            Y[a, b] = window.max() if mode == "max" else window.mean()
    return Y
