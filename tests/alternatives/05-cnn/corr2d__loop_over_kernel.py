# Alternative: a loop over the kernel's entries adding shifted slices of X, in float64, cast back
import torch


def corr2d(X, K):
    """2-D cross-correlation of X with the kernel K (not flipped), valid padding."""
    k_h, k_w = K.shape
    out_h, out_w = X.shape[0] - k_h + 1, X.shape[1] - k_w + 1
    X64, K64 = X.double(), K.double()
    Y = torch.zeros((out_h, out_w), dtype=torch.float64)
    for a in range(k_h):
        for b in range(k_w):
            Y = Y + K64[a, b] * X64[a:a + out_h, b:b + out_w]
    return Y.to(X.dtype)
