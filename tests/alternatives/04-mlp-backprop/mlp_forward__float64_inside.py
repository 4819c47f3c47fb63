# Alternative: the forward pass in float64, the output cast back to X's dtype
import torch


def mlp_forward(X: torch.Tensor, params) -> tuple[torch.Tensor, tuple]:
    """Forward pass of relu(X @ W1 + b1) @ W2 + b2; returns (output, cache)."""
    W1, b1, W2, b2 = params
    Z = X.double() @ W1.double() + b1.double()
    H = torch.where(Z > 0, Z, torch.zeros_like(Z))
    out = H @ W2.double() + b2.double()
    return out.to(X.dtype), (X, Z.to(X.dtype), H.to(X.dtype), W2)
