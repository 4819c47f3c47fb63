# Mistake: calls the library's F.conv2d instead of computing the cross-correlation by hand.
# Expect: uses the library's own version
# Expect: conv2d
def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K."""
    return F.conv2d(X[None, None], K[None, None])[0, 0]
