# Alternative: a loop over the offsets in the window: running torch.maximum, or a running sum
import torch


def pool2d(X, pool_size, mode="max"):
    """2-D max or average pooling of X with stride 1 and no padding."""
    p_h, p_w = pool_size
    out_h, out_w = X.shape[0] - p_h + 1, X.shape[1] - p_w + 1
    result = None
    for a in range(p_h):
        for b in range(p_w):
            part = X[a:a + out_h, b:b + out_w]
            if result is None:
                result = part.clone()
            elif mode == "max":
                result = torch.maximum(result, part)
            else:
                result = result + part
    return result if mode == "max" else result / (p_h * p_w)
