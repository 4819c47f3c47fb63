# Alternative: the courses' column-vector form, one example at a time: outer products summed
import torch


def mlp_backward(dout: torch.Tensor, cache) -> tuple[torch.Tensor, ...]:
    """Gradients (dW1, db1, dW2, db2) of sum(output * dout), by hand, from mlp_forward's cache."""
    X, Z, H, W2 = cache
    dW1, db1 = torch.zeros(X.shape[1], Z.shape[1]), torch.zeros(Z.shape[1])
    dW2, db2 = torch.zeros_like(W2), torch.zeros(W2.shape[1])
    for x, z, h, delta_out in zip(X, Z, H, dout, strict=True):
        delta_hidden = (W2 @ delta_out) * (z > 0)  # (h,)
        dW2 += torch.outer(h, delta_out)
        db2 += delta_out
        dW1 += torch.outer(x, delta_hidden)
        db1 += delta_hidden
    return dW1, db1, dW2, db2
