# Alternative: torch.addmm for both layers, torch.clamp for the ReLU, the cache a dict
import torch


def mlp_forward(X: torch.Tensor, params) -> tuple[torch.Tensor, dict]:
    """Forward pass of relu(X @ W1 + b1) @ W2 + b2; returns (output, cache)."""
    W1, b1, W2, b2 = params
    Z = torch.addmm(b1, X, W1)
    H = torch.clamp(Z, min=0)
    return torch.addmm(b2, H, W2), {"X": X, "Z": Z, "H": H, "W2": W2}
