# Mistake: calls the library's pooling with stride 1 instead of writing it by hand.
# Expect: uses the library's own version
# Expect: max_pool2d
def pool2d(X, pool_size, mode="max"):
    """2-D max or average pooling with stride 1."""
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    return pool(X[None, None], pool_size, stride=1)[0, 0]
